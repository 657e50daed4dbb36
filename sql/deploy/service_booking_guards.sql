-- Deploy onemedi:service_booking_guards to pg
-- requires: rls_transactions
-- requires: order_state_machine
-- requires: private_schema
-- Who may change which columns of a booking through the API: nobody moves a booking to another
-- slot, order line or patient (the slot's seats would not follow); only the vendor's staff or
-- an admin write fulfilment and clinical notes; only the patient or an admin name the family
-- member. service_role, the owner and SECURITY DEFINER functions pass.

BEGIN;

CREATE FUNCTION private.guard_service_booking_update()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = ''
AS $$
DECLARE
    v_fixed text[] := ARRAY[]::text[];
    v_clinical text[] := ARRAY[]::text[];
BEGIN
    -- Only API users are guarded: service_role, the owner and definer functions pass.
    IF CURRENT_USER <> 'authenticated' THEN
        RETURN NEW;
    END IF;
    IF NEW.order_item_id IS DISTINCT FROM OLD.order_item_id THEN
        v_fixed := v_fixed || 'order_item_id'::text;
    END IF;
    IF NEW.patient_id IS DISTINCT FROM OLD.patient_id THEN
        v_fixed := v_fixed || 'patient_id'::text;
    END IF;
    IF NEW.slot_id IS DISTINCT FROM OLD.slot_id THEN
        v_fixed := v_fixed || 'slot_id'::text;
    END IF;
    IF pg_catalog.cardinality(v_fixed) > 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM060',
            MESSAGE = pg_catalog.format(
                'cannot change %s of booking %s',
                pg_catalog.array_to_string(v_fixed, ', '), OLD.id
            ),
            HINT = 'Cancel the booking (cancel_booking or cancel_order) and book again, so '
            || 'that the slot seats follow.';
    END IF;
    IF NEW.fulfillment_status IS DISTINCT FROM OLD.fulfillment_status THEN
        v_clinical := v_clinical || 'fulfillment_status'::text;
    END IF;
    IF NEW.clinical_notes IS DISTINCT FROM OLD.clinical_notes THEN
        v_clinical := v_clinical || 'clinical_notes'::text;
    END IF;
    IF pg_catalog.cardinality(v_clinical) > 0
        AND NOT public.is_admin()
        AND NOT EXISTS (
            SELECT 1 FROM public.order_items AS i
            WHERE
                i.id = OLD.order_item_id
                AND i.vendor_id IN (SELECT public.current_vendor_ids())
        ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM061',
            MESSAGE = pg_catalog.format(
                'only the booking''s vendor staff or an admin may change %s of booking %s',
                pg_catalog.array_to_string(v_clinical, ', '), OLD.id
            ),
            HINT = 'Fulfilment and clinical notes are written by the vendor; to call a '
            || 'booking off, use cancel_booking.';
    END IF;
    IF NEW.family_member_id IS DISTINCT FROM OLD.family_member_id
        AND OLD.patient_id IS DISTINCT FROM (SELECT auth.uid())
        AND NOT public.is_admin() THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM061',
            MESSAGE = pg_catalog.format(
                'only the booking''s patient or an admin may change family_member_id of '
                || 'booking %s',
                OLD.id
            ),
            HINT = 'Ask the patient to choose the family member the booking is for.';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION private.guard_service_booking_update() IS
'BEFORE UPDATE row trigger of service_bookings; acts only when current_user is authenticated '
'(service_role, the owner and SECURITY DEFINER functions such as cancel_booking, cancel_order '
'and place_order pass). Errors: OM060 when order_item_id, patient_id or slot_id would change '
'(for everyone, admins included: cancel and book again so that seats follow); OM061 when '
'fulfillment_status or clinical_notes change and the caller is neither staff of the '
'booking''s vendor (current_vendor_ids) nor an admin, or family_member_id changes and the '
'caller is neither the booking''s patient nor an admin. Messages name the columns and the '
'booking.';

REVOKE ALL ON FUNCTION private.guard_service_booking_update()
FROM public, anon, authenticated, service_role;

CREATE TRIGGER service_bookings_guard_update
BEFORE UPDATE ON public.service_bookings
FOR EACH ROW EXECUTE FUNCTION private.guard_service_booking_update();

COMMIT;
