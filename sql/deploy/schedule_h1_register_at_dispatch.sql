-- Deploy onemedi:schedule_h1_register_at_dispatch to pg
-- requires: schedule_h1_register
-- requires: prescription_gate
-- requires: order_line_drug_schedule
-- requires: private_schema
-- The register is written at the time of supply, as r.65 asks: when an order moves to
-- OUT_FOR_DELIVERY, each of its Schedule H1 lines gets its entry, from the line (drug,
-- quantity), the patient's profile (name) and the vendor's latest VERIFIED prescription check
-- with the prescriber's name and address. Without that check or the patient's name the order
-- cannot leave (OM105): an H1 drug is never supplied unrecorded. Orders cancelled before
-- dispatch leave no entry. (Tax documents at dispatch are another trigger's business.)

BEGIN;

CREATE FUNCTION private.schedule_h1_register_at_dispatch()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_line record;
    v_check public.prescription_checks;
    v_patient text;
BEGIN
    SELECT p.full_name INTO v_patient FROM public.profiles AS p WHERE p.id = NEW.profile_id;
    FOR v_line IN
        SELECT i.id, i.vendor_id, i.qty, i.service_snapshot AS snap
        FROM public.order_items AS i
        WHERE
            i.order_id = NEW.id
            AND private.order_line_drug_schedule(i.service_snapshot) = 'H1'
            AND NOT EXISTS (
                SELECT 1 FROM public.schedule_h1_register AS r WHERE r.order_item_id = i.id
            )
        ORDER BY i.created_at, i.id
    LOOP
        SELECT c.* INTO v_check
        FROM public.prescription_checks AS c
        WHERE
            c.order_id = NEW.id
            AND c.vendor_id = v_line.vendor_id
            AND c.outcome = 'VERIFIED'
            AND c.prescriber_name IS NOT NULL
            AND c.prescriber_address IS NOT NULL
        ORDER BY c.checked_at DESC, c.id
        LIMIT 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM105',
                MESSAGE = pg_catalog.format(
                    'order %s cannot leave for delivery: Schedule H1 drug %s has no verified '
                    || 'prescription with the prescriber''s name and address for the register',
                    NEW.id, v_line.snap ->> 'name'
                ),
                HINT = 'The pharmacist verifies the prescription with check_prescription('
                || 'artifact id, ''VERIFIED'', NULL, prescriber name, prescriber address).';
        END IF;
        IF v_patient IS NULL THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM105',
                MESSAGE = pg_catalog.format(
                    'order %s cannot leave for delivery: the patient''s name, which the '
                    || 'Schedule H1 register needs, is missing from profile %s',
                    NEW.id, NEW.profile_id
                ),
                HINT = 'Ask the patient to add their name to their profile, then dispatch.';
        END IF;
        INSERT INTO public.schedule_h1_register (
            order_item_id, vendor_id, prescription_check_id, prescriber_name,
            prescriber_address, patient_name, drug_name, quantity, pack_size, pharmacist_id,
            pharmacist_name
        ) VALUES (
            v_line.id, v_line.vendor_id, v_check.id, v_check.prescriber_name,
            v_check.prescriber_address, v_patient,
            (v_line.snap ->> 'name') || coalesce(
                ' (' || nullif(
                    pg_catalog.concat_ws(
                        ' ', v_line.snap ->> 'generic_name', v_line.snap ->> 'strength'
                    ),
                    ''
                ) || ')',
                ''
            ),
            v_line.qty, v_line.snap ->> 'pack_size', v_check.checked_by,
            (SELECT p.full_name FROM public.profiles AS p WHERE p.id = v_check.checked_by)
        );
    END LOOP;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION private.schedule_h1_register_at_dispatch() IS
'AFTER UPDATE OF status trigger of orders, when an order becomes OUT_FOR_DELIVERY: writes one '
'schedule_h1_register entry per Schedule H1 line (order_line_drug_schedule) not yet entered, '
'from the latest VERIFIED prescription_checks row of the line''s vendor that holds the '
'prescriber''s name and address, and the patient''s profile name. Raises OM105 (and the order '
'stays where it was) when such a check or the patient''s name is missing.';

REVOKE ALL ON FUNCTION private.schedule_h1_register_at_dispatch()
FROM anon, authenticated, service_role, public;

CREATE TRIGGER orders_h1_register_at_dispatch
AFTER UPDATE OF status ON public.orders
FOR EACH ROW
WHEN (new.status = 'OUT_FOR_DELIVERY' AND old.status <> 'OUT_FOR_DELIVERY')
EXECUTE FUNCTION private.schedule_h1_register_at_dispatch();

COMMIT;
