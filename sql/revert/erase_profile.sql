-- Revert onemedi:erase_profile from pg
-- Restores erase_profile as it was in v1.0.0 (sql/deploy/erase_profile@v1.0.0.sql).

BEGIN;

CREATE OR REPLACE FUNCTION public.erase_profile(p_profile_id uuid)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    c_erased CONSTANT text := '[erased]';
    v_uid uuid := (SELECT auth.uid());
    v_backend boolean := coalesce((SELECT auth.jwt()) ->> 'role', '') = 'service_role';
    v_profile public.profiles;
    v_role text;
    v_strings text[];
    v_string text;
    v_n integer;
    v_counts jsonb := '{}'::jsonb;
    v_changed integer := 0;
    v_objects jsonb;
BEGIN
    IF p_profile_id IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'erase_profile: the profile id is required',
            HINT = 'Pass the id of the profile (the auth user id) to erase.';
    END IF;
    IF NOT v_backend AND NOT EXISTS (
        SELECT 1
        FROM public.profiles AS p
        INNER JOIN public.roles AS r ON p.role_id = r.id
        WHERE p.id = v_uid AND r.name = 'ADMIN'
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'erase_profile is for admins and the service role only',
            HINT = 'A person asks for erasure through the backend, which also deletes the '
            'auth user.';
    END IF;
    SELECT p.* INTO v_profile
    FROM public.profiles AS p
    WHERE p.id = p_profile_id
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM050',
            MESSAGE = pg_catalog.format('profile %s not found', p_profile_id),
            HINT = 'Pass the id of an existing profile.';
    END IF;
    SELECT r.name INTO v_role FROM public.roles AS r WHERE r.id = v_profile.role_id;
    IF v_role = 'ADMIN' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM051',
            MESSAGE = pg_catalog.format(
                'profile %s is an admin and cannot be erased', p_profile_id
            ),
            HINT = 'Give the profile another role first, so that no admin account is erased '
            'by accident.';
    END IF;
    IF EXISTS (SELECT 1 FROM public.vendors AS v WHERE v.owner_id = p_profile_id) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM051',
            MESSAGE = pg_catalog.format(
                'profile %s owns a vendor and cannot be erased', p_profile_id
            ),
            HINT = 'Transfer the vendor''s ownership (vendors.owner_id) to another profile first.';
    END IF;
    IF EXISTS (SELECT 1 FROM public.doctors AS d WHERE d.profile_id = p_profile_id) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM051',
            MESSAGE = pg_catalog.format(
                'profile %s is a listed doctor and cannot be erased', p_profile_id
            ),
            HINT = 'A doctor''s registration is professional data: delist the doctor first.';
    END IF;
    IF EXISTS (
        SELECT 1
        FROM public.orders AS o
        WHERE
            o.profile_id = p_profile_id
            AND (
                o.status NOT IN ('COMPLETED', 'CANCELLED')
                OR EXISTS (
                    SELECT 1
                    FROM public.order_items AS i
                    INNER JOIN public.refunds AS r ON i.id = r.order_item_id
                    WHERE
                        i.order_id = o.id
                        AND r.status IN ('REQUESTED', 'APPROVED', 'FAILED')
                )
            )
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM052',
            MESSAGE = pg_catalog.format(
                'profile %s still has orders in progress or refunds not settled', p_profile_id
            ),
            HINT = 'Erase once every order is COMPLETED or CANCELLED and every refund is '
            'PROCESSED or REJECTED: the data still serves its purpose until then.';
    END IF;

    -- Personal strings that free text (refund reasons, clinical notes) may repeat.
    SELECT pg_catalog.array_agg(DISTINCT s.v) INTO v_strings
    FROM (
        SELECT v_profile.full_name AS v
        UNION ALL
        SELECT v_profile.phone
        UNION ALL
        SELECT f.name FROM public.family_members AS f WHERE f.owner_id = p_profile_id
    ) AS s
    WHERE s.v IS NOT NULL AND s.v <> c_erased;

    -- Orders stay (GST records) with a delivery snapshot stripped to the place of supply.
    UPDATE public.orders AS o
    SET
        delivery_address = pg_catalog.jsonb_build_object(
            'line_1', c_erased,
            'city', o.delivery_address -> 'city',
            'state_code', o.delivery_address -> 'state_code',
            'pincode', o.delivery_address -> 'pincode'
        ),
        address_id = NULL
    WHERE
        o.profile_id = p_profile_id
        AND (
            o.address_id IS NOT NULL
            OR o.delivery_address IS DISTINCT FROM pg_catalog.jsonb_build_object(
                'line_1', c_erased,
                'city', o.delivery_address -> 'city',
                'state_code', o.delivery_address -> 'state_code',
                'pincode', o.delivery_address -> 'pincode'
            )
        );
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('orders_anonymised', v_n);
    v_changed := v_changed + v_n;

    v_n := 0;
    FOREACH v_string IN ARRAY coalesce(v_strings, ARRAY[]::text[]) LOOP
        UPDATE public.refunds AS r
        SET reason = pg_catalog.replace(r.reason, v_string, c_erased)
        FROM public.order_items AS i, public.orders AS o
        WHERE
            r.order_item_id = i.id
            AND i.order_id = o.id
            AND o.profile_id = p_profile_id
            AND pg_catalog.strpos(r.reason, v_string) > 0;
        GET DIAGNOSTICS v_changed = ROW_COUNT;
        v_n := v_n + v_changed;
        UPDATE public.service_bookings AS b
        SET clinical_notes = pg_catalog.replace(b.clinical_notes, v_string, c_erased)
        WHERE b.patient_id = p_profile_id AND pg_catalog.strpos(b.clinical_notes, v_string) > 0;
        GET DIAGNOSTICS v_changed = ROW_COUNT;
        v_n := v_n + v_changed;
    END LOOP;
    v_counts := v_counts || pg_catalog.jsonb_build_object('free_texts_scrubbed', v_n);
    v_changed := v_n + (v_counts ->> 'orders_anonymised')::integer;

    -- Family members: deleted, unless a booking names them (then anonymised).
    DELETE FROM public.family_members AS f
    WHERE
        f.owner_id = p_profile_id
        AND NOT EXISTS (
            SELECT 1 FROM public.service_bookings AS b WHERE b.family_member_id = f.id
        );
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('family_members_deleted', v_n);
    v_changed := v_changed + v_n;
    UPDATE public.family_members AS f
    SET name = c_erased, dob = NULL, medical_history = '{}'::jsonb
    WHERE
        f.owner_id = p_profile_id
        AND (f.name <> c_erased OR f.dob IS NOT NULL OR f.medical_history <> '{}'::jsonb);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('family_members_anonymised', v_n);
    v_changed := v_changed + v_n;

    -- Saved addresses (orders no longer point at them), carts, vendor staff access.
    DELETE FROM public.addresses AS a WHERE a.profile_id = p_profile_id;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('addresses_deleted', v_n);
    v_changed := v_changed + v_n;
    DELETE FROM public.carts AS c WHERE c.profile_id = p_profile_id;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('carts_deleted', v_n);
    v_changed := v_changed + v_n;
    DELETE FROM public.vendor_staff AS s WHERE s.user_id = p_profile_id;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('vendor_staff_deleted', v_n);
    v_changed := v_changed + v_n;

    -- Prescription files: listed for the backend to remove through the Storage API (a
    -- direct DELETE on storage.objects would leave the bytes behind); their links go now.
    SELECT coalesce(pg_catalog.jsonb_agg(o.bucket_id || '/' || o.name ORDER BY o.name), '[]')
    INTO v_objects
    FROM storage.objects AS o
    WHERE o.bucket_id = 'prescriptions' AND o.name LIKE p_profile_id::text || '/%';
    DELETE FROM public.order_artifacts AS a
    WHERE a.type = 'PRESC' AND a.file_url LIKE 'prescriptions/' || p_profile_id::text || '/%';
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('prescription_links_deleted', v_n);
    v_changed := v_changed + v_n;

    UPDATE public.profiles AS p
    SET full_name = c_erased, phone = NULL
    WHERE p.id = p_profile_id AND (p.full_name IS DISTINCT FROM c_erased OR p.phone IS NOT NULL);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('profile_anonymised', v_n);
    v_changed := v_changed + v_n;

    -- One ERASE row the first time, and again only when a re-run found something to erase.
    IF v_changed > 0 OR NOT EXISTS (
        SELECT 1
        FROM public.audit_logs AS l
        WHERE
            l.entity_type = 'profiles'
            AND l.entity_id = p_profile_id::text
            AND l.action = 'ERASE'
    ) THEN
        INSERT INTO public.audit_logs (actor_id, entity_type, entity_id, action, after_state)
        VALUES (v_uid, 'profiles', p_profile_id::text, 'ERASE', v_counts);
    END IF;

    RETURN v_counts || pg_catalog.jsonb_build_object(
        'profile_id', p_profile_id,
        'storage_objects_to_remove', v_objects
    );
END;
$$;

COMMENT ON FUNCTION public.erase_profile(uuid) IS
'DPDP erasure of a patient profile (admins and the service role only): the profile''s '
'name becomes ''[erased]'' and its phone NULL; family members are deleted, or anonymised '
'when a booking names them; saved addresses, carts and vendor staff rows are deleted; '
'orders keep only city, state code and pincode of the delivery snapshot (line_1 '
'''[erased]''); the name, phone and family names are replaced in refund reasons and '
'clinical notes; prescription links are deleted and the prescription files are returned '
'(storage_objects_to_remove) for the backend to remove through the Storage API, which must '
'also soft-delete the auth user (auth.admin.deleteUser(id, true)). Orders, lines, invoices '
'and refunds are kept (GST records). Writes an audit_logs ERASE row holding only counts. '
'Idempotent: a re-run changes nothing and writes no new row. Returns the counts as jsonb. '
'Errors: 22004 NULL id; 42501 caller not an admin or the service role; OM050 unknown '
'profile; OM051 the profile is an admin, owns a vendor or is a listed doctor; OM052 it has '
'orders not COMPLETED or CANCELLED, or refunds not PROCESSED or REJECTED.';

REVOKE EXECUTE ON FUNCTION public.erase_profile(uuid) FROM public;
GRANT EXECUTE ON FUNCTION public.erase_profile(uuid) TO authenticated, service_role;

COMMIT;
