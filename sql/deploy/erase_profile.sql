-- Deploy onemedi:erase_profile to pg
-- requires: erase_profile@v1.0.0
-- requires: prescription_checks
-- requires: schedule_h1_register_at_dispatch
-- requires: order_artifact_folders
-- requires: private_schema
-- DPDP erasure of a patient (Digital Personal Data Protection Act 2023 s.12), reworked: it
-- keeps what a law requires and says so in its result (legal-obligation exemption: GST
-- records, the Schedule H1 register, the pharmacist's prescription checks, Schedule X
-- prescriptions for two years), and removes or redacts everything else. Free text that can
-- hold personal or health data (clinical notes, refund reasons, rejection reasons) is
-- redacted whole, not searched for names; every file of the person (prescriptions and lab
-- reports, in their folders or linked from their orders) is listed for the Storage API.

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
    v_n integer;
    v_counts jsonb := '{}'::jsonb;
    v_changed integer := 0;
    v_texts integer;
    v_objects jsonb;
    v_kept_x text[];
    v_retained jsonb;
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

    -- Schedule X prescriptions stay two years after the order (Drugs Rules 1945 r.65: the
    -- retailer preserves a Schedule X prescription for two years): their links and files.
    SELECT coalesce(pg_catalog.array_agg(DISTINCT a.file_url ORDER BY a.file_url), '{}')
    INTO v_kept_x
    FROM public.order_artifacts AS a
    INNER JOIN public.orders AS o ON a.order_id = o.id
    WHERE
        o.profile_id = p_profile_id
        AND a.type = 'PRESC'
        AND o.status <> 'CANCELLED'
        AND o.created_at > pg_catalog.now() - interval '2 years'
        AND EXISTS (
            SELECT 1 FROM public.order_items AS i
            WHERE i.order_id = o.id AND private.order_line_drug_schedule(i.service_snapshot) = 'X'
        );

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

    -- Free text is redacted whole: a note or a reason can describe the person without
    -- naming them (a condition, a phone number, a neighbour's name).
    UPDATE public.refunds AS r
    SET reason = c_erased
    FROM public.order_items AS i, public.orders AS o
    WHERE
        r.order_item_id = i.id
        AND i.order_id = o.id
        AND o.profile_id = p_profile_id
        AND r.reason <> c_erased;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_texts := v_n;
    UPDATE public.service_bookings AS b
    SET clinical_notes = c_erased
    WHERE b.patient_id = p_profile_id AND b.clinical_notes <> c_erased;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_texts := v_texts + v_n;
    UPDATE public.prescription_checks AS c
    SET reason = c_erased
    FROM public.orders AS o
    WHERE c.order_id = o.id AND o.profile_id = p_profile_id AND c.reason <> c_erased;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_texts := v_texts + v_n;
    v_counts := v_counts || pg_catalog.jsonb_build_object('free_texts_scrubbed', v_texts);
    v_changed := v_changed + v_texts;

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

    -- Every file of the person, for the backend to remove through the Storage API (a direct
    -- DELETE on storage.objects would leave the bytes behind): what lies in their folders of
    -- prescriptions and lab-reports, and what their orders link to anywhere else; except the
    -- Schedule X prescriptions kept above. Their links go now (checks keep their record).
    SELECT coalesce(pg_catalog.jsonb_agg(f.path ORDER BY f.path), '[]') INTO v_objects
    FROM (
        SELECT s.bucket_id || '/' || s.name AS path
        FROM storage.objects AS s
        WHERE
            s.bucket_id IN ('prescriptions', 'lab-reports')
            AND s.name LIKE p_profile_id::text || '/%'
        UNION
        SELECT s.bucket_id || '/' || s.name
        FROM public.order_artifacts AS a
        INNER JOIN public.orders AS o ON a.order_id = o.id
        INNER JOIN storage.objects AS s ON a.file_url = s.bucket_id || '/' || s.name
        WHERE o.profile_id = p_profile_id
    ) AS f
    WHERE f.path <> ALL(v_kept_x);
    DELETE FROM public.order_artifacts AS a
    USING public.orders AS o
    WHERE
        a.order_id = o.id
        AND o.profile_id = p_profile_id
        AND a.type = 'PRESC'
        AND a.file_url <> ALL(v_kept_x);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('prescription_links_deleted', v_n);
    v_changed := v_changed + v_n;
    DELETE FROM public.order_artifacts AS a
    USING public.orders AS o
    WHERE a.order_id = o.id AND o.profile_id = p_profile_id AND a.type = 'REPORT';
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('report_links_deleted', v_n);
    v_changed := v_changed + v_n;

    -- H1 register entries whose three years are over go; the others stay (legal obligation).
    DELETE FROM public.schedule_h1_register AS r
    USING public.order_items AS i, public.orders AS o
    WHERE
        r.order_item_id = i.id
        AND i.order_id = o.id
        AND o.profile_id = p_profile_id
        AND r.supplied_at <= pg_catalog.now() - interval '3 years';
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('h1_register_entries_deleted', v_n);
    v_changed := v_changed + v_n;

    UPDATE public.profiles AS p
    SET full_name = c_erased, phone = NULL
    WHERE p.id = p_profile_id AND (p.full_name IS DISTINCT FROM c_erased OR p.phone IS NOT NULL);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_counts := v_counts || pg_catalog.jsonb_build_object('profile_anonymised', v_n);
    v_changed := v_changed + v_n;

    -- What is kept because a law requires it, and why (the answer to the person).
    SELECT pg_catalog.jsonb_build_object(
        'gst_records', pg_catalog.jsonb_build_object(
            'orders', (SELECT count(*) FROM public.orders AS o WHERE o.profile_id = p_profile_id),
            'order_items', (
                SELECT count(*) FROM public.order_items AS i
                INNER JOIN public.orders AS o ON i.order_id = o.id
                WHERE o.profile_id = p_profile_id
            ),
            'order_invoices', (
                SELECT count(*) FROM public.order_invoices AS v
                INNER JOIN public.orders AS o ON v.order_id = o.id
                WHERE o.profile_id = p_profile_id
            ),
            'refunds', (
                SELECT count(*) FROM public.refunds AS r
                INNER JOIN public.order_items AS i ON r.order_item_id = i.id
                INNER JOIN public.orders AS o ON i.order_id = o.id
                WHERE o.profile_id = p_profile_id
            ),
            'basis', 'CGST Act 2017 s.36: accounts and records are kept 72 months from the '
            || 'due date of the year''s annual return; kept without name, phone or street'
        ),
        'schedule_h1_register', pg_catalog.jsonb_build_object(
            'entries', (
                SELECT count(*) FROM public.schedule_h1_register AS r
                INNER JOIN public.order_items AS i ON r.order_item_id = i.id
                INNER JOIN public.orders AS o ON i.order_id = o.id
                WHERE o.profile_id = p_profile_id
            ),
            'kept_until', (
                SELECT (max(r.supplied_at) + interval '3 years')::date
                FROM public.schedule_h1_register AS r
                INNER JOIN public.order_items AS i ON r.order_item_id = i.id
                INNER JOIN public.orders AS o ON i.order_id = o.id
                WHERE o.profile_id = p_profile_id
            ),
            'basis', 'Drugs Rules 1945 r.65(3)(1)(h): prescriber, patient''s name, drug and '
            || 'quantity of each Schedule H1 supply are kept three years'
        ),
        'prescription_checks', pg_catalog.jsonb_build_object(
            'checks', (
                SELECT count(*) FROM public.prescription_checks AS c
                INNER JOIN public.orders AS o ON c.order_id = o.id
                WHERE o.profile_id = p_profile_id
            ),
            'basis', 'Drugs Rules 1945 r.65(2): the record that a registered pharmacist '
            || 'checked the prescription before supply; reasons redacted'
        ),
        'schedule_x_prescriptions', pg_catalog.jsonb_build_object(
            'files', pg_catalog.to_jsonb(v_kept_x),
            'basis', 'Drugs Rules 1945 r.65: a Schedule X prescription is preserved two years'
        )
    ) INTO v_retained;

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
        'storage_objects_to_remove', v_objects,
        'retained', v_retained
    );
END;
$$;

COMMENT ON FUNCTION public.erase_profile(uuid) IS
'DPDP erasure of a patient profile (admins and the service role only). Removes or redacts: '
'the name (''[erased]'') and phone; family members (deleted, or anonymised when a booking '
'names them); saved addresses, carts, vendor staff rows; the delivery snapshot down to city, '
'state code and pincode; clinical notes, refund reasons and prescription rejection reasons '
'(whole, to ''[erased]''); the links to the person''s files, whose list '
'(storage_objects_to_remove: every object in their prescriptions and lab-reports folders and '
'every object their orders link to) the backend removes through the Storage API, and then '
'soft-deletes the auth user; H1 register entries older than three years. Keeps, and reports '
'under retained with the legal basis: orders, lines, invoices and refunds (GST, 72 months), '
'schedule_h1_register entries (three years), prescription_checks, and the prescriptions of '
'Schedule X orders for two years. Writes an audit_logs ERASE row holding only counts. '
'Idempotent: a re-run changes nothing and writes no new row. Errors: 22004 NULL id; 42501 '
'caller not an admin or the service role; OM050 unknown profile; OM051 the profile is an '
'admin, owns a vendor or is a listed doctor; OM052 it has orders not COMPLETED or CANCELLED, '
'or refunds not PROCESSED or REJECTED.';

REVOKE ALL ON FUNCTION public.erase_profile(uuid) FROM anon, authenticated, service_role, public;
GRANT EXECUTE ON FUNCTION public.erase_profile(uuid) TO authenticated, service_role;

COMMIT;
