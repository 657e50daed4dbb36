-- Revert onemedi:publish_medicine_version_admin_only from pg

BEGIN;

CREATE OR REPLACE FUNCTION public.publish_medicine_version(p_medicine_id uuid, p_changes jsonb)
RETURNS public.medicine_master
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_editable constant text [] := ARRAY[
        'name', 'generic_name', 'hsn_code', 'prescription_required', 'drug_schedule',
        'manufacturer', 'dosage_form', 'strength', 'pack_size'
    ];
    v_unknown text [];
    v_successor uuid;
    v_old public.medicine_master;
    v_new public.medicine_master;
BEGIN
    IF p_changes IS NULL OR pg_catalog.jsonb_typeof(p_changes) <> 'object' THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = 'publish_medicine_version: p_changes must be a JSON object',
            HINT = 'Pass e.g. ''{"hsn_code": "30049099"}'' (''{}'' copies the version).';
    END IF;
    SELECT pg_catalog.array_agg(k.key ORDER BY k.key) INTO v_unknown
    FROM pg_catalog.jsonb_object_keys(p_changes) AS k (key)
    WHERE k.key <> ALL (v_editable);
    IF v_unknown IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = format(
                'publish_medicine_version: cannot set %s', pg_catalog.array_to_string(v_unknown, ', ')
            ),
            HINT = format('Editable columns: %s.', pg_catalog.array_to_string(v_editable, ', '));
    END IF;

    SELECT m.* INTO v_old
    FROM public.medicine_master AS m
    WHERE m.id = p_medicine_id
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'P0002',
            MESSAGE = format('publish_medicine_version: medicine %s does not exist', p_medicine_id);
    END IF;
    SELECT m.id INTO v_successor
    FROM public.medicine_master AS m
    WHERE m.parent_id = p_medicine_id;
    IF v_successor IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '55000',
            MESSAGE = format(
                'publish_medicine_version: medicine %s (version %s) is already superseded by %s',
                p_medicine_id, v_old.version, v_successor
            ),
            HINT = 'Publish from the current version.';
    END IF;

    v_new := pg_catalog.jsonb_populate_record(v_old, p_changes);
    INSERT INTO public.medicine_master (
        version, parent_id, name, generic_name, hsn_code, prescription_required,
        drug_schedule, manufacturer, dosage_form, strength, pack_size
    ) VALUES (
        v_old.version + 1, v_old.id, v_new.name, v_new.generic_name, v_new.hsn_code,
        v_new.prescription_required, v_new.drug_schedule, v_new.manufacturer,
        v_new.dosage_form, v_new.strength, v_new.pack_size
    )
    RETURNING * INTO v_new;
    RETURN v_new;
END
$$;

COMMENT ON FUNCTION public.publish_medicine_version(uuid, jsonb) IS
'Publishes the next version of a medicine: copies the current version p_medicine_id, applies '
'p_changes (a JSON object of editable columns), inserts it as version + 1 and returns it; '
'the catalog row, inventory and alternatives move to it. Errors: 22023 when p_changes is '
'not an object or names a column that cannot be set; P0002 when the medicine does not '
'exist; 55000 when it is already superseded; and any constraint of medicine_master that the '
'new values break (e.g. 23514 medicine_master_hsn_code_format).';

COMMIT;
