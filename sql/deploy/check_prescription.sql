-- Deploy onemedi:check_prescription to pg
-- requires: prescription_checks
-- requires: order_artifact_folders
-- requires: order_line_drug_schedule
-- requires: storage_buckets
-- requires: private_schema
-- A pharmacy's staff verify or reject a prescription a patient attached to an order: one
-- prescription_checks row per vendor of theirs that sells a prescription line in the order.
-- The file must exist in storage, in the patient's folder; a rejection needs a reason; a
-- verification for Schedule H1 lines needs the prescriber's name and address (the register).

BEGIN;

CREATE FUNCTION public.check_prescription(
    p_artifact_id uuid,
    p_outcome public.prescription_check_outcome,
    p_reason text DEFAULT NULL,
    p_prescriber_name text DEFAULT NULL,
    p_prescriber_address text DEFAULT NULL
)
RETURNS SETOF public.prescription_checks
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := (SELECT auth.uid());
    v_artifact public.order_artifacts;
    v_order public.orders;
    v_vendors uuid[];
    v_check public.prescription_checks;
BEGIN
    IF v_uid IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'check_prescription is for the signed-in staff of the selling pharmacy',
            HINT = 'Sign in as the pharmacist who read the prescription.';
    END IF;
    IF p_artifact_id IS NULL OR p_outcome IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'check_prescription needs the prescription (artifact id) and the outcome',
            HINT = 'Pass the order_artifacts id and VERIFIED or REJECTED.';
    END IF;
    SELECT a.* INTO v_artifact
    FROM public.order_artifacts AS a
    WHERE a.id = p_artifact_id AND a.type = 'PRESC';
    IF FOUND THEN
        SELECT o.* INTO v_order
        FROM public.orders AS o
        WHERE o.id = v_artifact.order_id
        FOR UPDATE;
        SELECT pg_catalog.array_agg(DISTINCT i.vendor_id ORDER BY i.vendor_id) INTO v_vendors
        FROM public.order_items AS i
        WHERE
            i.order_id = v_artifact.order_id
            AND coalesce((i.service_snapshot ->> 'prescription_required')::boolean, FALSE)
            AND i.vendor_id IN (SELECT public.writable_vendor_ids());
    END IF;
    IF v_vendors IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM099',
            MESSAGE = pg_catalog.format(
                'prescription %s not found among the prescriptions of your pharmacy''s orders',
                p_artifact_id
            ),
            HINT = 'Only staff (not VIEWER) of a vendor selling a prescription-only line of '
            || 'the order check its prescription.';
    END IF;
    IF v_order.status NOT IN ('PENDING', 'CONFIRMED', 'PROCESSING') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM101',
            MESSAGE = pg_catalog.format(
                'order %s is %s: its prescriptions are no longer checked', v_order.id,
                v_order.status
            ),
            HINT = 'Prescriptions are checked before the order leaves for delivery.';
    END IF;
    IF pg_catalog.left(v_artifact.file_url, 51) <> 'prescriptions/' || v_order.profile_id || '/'
        OR NOT EXISTS (
            SELECT 1 FROM storage.objects AS s
            WHERE
                s.bucket_id = 'prescriptions'
                AND s.name = pg_catalog.substr(v_artifact.file_url, 15)
        ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM100',
            MESSAGE = pg_catalog.format(
                'prescription file %s is not in storage under the patient''s folder (never '
                || 'uploaded, or removed)', v_artifact.file_url
            ),
            HINT = 'Ask the patient to upload the prescription again and attach the new file.';
    END IF;
    IF (p_outcome = 'REJECTED')
        <> coalesce(pg_catalog.btrim(p_reason) <> '', FALSE) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM102',
            MESSAGE = CASE p_outcome
                WHEN 'REJECTED' THEN 'a rejected prescription needs the reason, for the patient'
                ELSE 'a verified prescription takes no reason'
            END,
            HINT = 'Say why the prescription cannot be accepted (illegible, expired, another '
            || 'patient, another drug...); verify without a reason.';
    END IF;
    IF p_outcome = 'VERIFIED'
        AND (
            coalesce(pg_catalog.btrim(p_prescriber_name), '') = ''
            OR coalesce(pg_catalog.btrim(p_prescriber_address), '') = ''
        )
        AND EXISTS (
            SELECT 1 FROM public.order_items AS i
            WHERE
                i.order_id = v_order.id
                AND i.vendor_id = ANY(v_vendors)
                AND private.order_line_drug_schedule(i.service_snapshot) = 'H1'
        ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM103',
            MESSAGE = pg_catalog.format(
                'order %s holds Schedule H1 drugs: the prescriber''s name and address are '
                || 'needed for the H1 register', v_order.id
            ),
            HINT = 'Pass the doctor''s name and address as written on the prescription.';
    END IF;
    IF EXISTS (
        SELECT 1 FROM public.prescription_checks AS c
        WHERE c.artifact_id = p_artifact_id AND c.vendor_id = ANY(v_vendors)
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM104',
            MESSAGE = pg_catalog.format(
                'prescription %s has already been checked for your pharmacy', p_artifact_id
            ),
            HINT = 'A check is final; a rejected prescription is replaced by a new upload.';
    END IF;
    FOR v_check IN
        INSERT INTO public.prescription_checks (
            order_id, artifact_id, vendor_id, checked_by, outcome, reason, prescriber_name,
            prescriber_address
        )
        SELECT
            v_order.id,
            p_artifact_id,
            v.vendor_id,
            v_uid,
            p_outcome,
            pg_catalog.btrim(p_reason),
            pg_catalog.btrim(p_prescriber_name),
            pg_catalog.btrim(p_prescriber_address)
        FROM pg_catalog.unnest(v_vendors) AS v (vendor_id)
        RETURNING *
    LOOP
        RETURN NEXT v_check;
    END LOOP;
END
$$;

COMMENT ON FUNCTION public.check_prescription(
    uuid, public.prescription_check_outcome, text, text, text
) IS
'Records a pharmacist''s check of a PRESC artifact: one prescription_checks row per vendor the '
'caller may write for (owner or non-VIEWER staff) that sells a prescription-only line of the '
'order; returns them. Errors: 42501 nobody signed in; 22004 NULL artifact or outcome; OM099 '
'not a prescription of the caller''s pharmacy''s orders; OM101 order already dispatched, '
'completed or cancelled; OM100 file not in storage under the patient''s folder; OM102 '
'REJECTED without a reason or VERIFIED with one; OM103 VERIFIED for Schedule H1 lines without '
'prescriber name and address; OM104 already checked for that vendor.';

REVOKE ALL ON FUNCTION public.check_prescription(
    uuid, public.prescription_check_outcome, text, text, text
) FROM anon, authenticated, service_role, public;
GRANT EXECUTE ON FUNCTION public.check_prescription(
    uuid, public.prescription_check_outcome, text, text, text
) TO authenticated;

COMMIT;
