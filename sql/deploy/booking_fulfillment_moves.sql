-- Deploy onemedi:booking_fulfillment_moves to pg
-- requires: service_booking_guards
-- requires: order_state_machine
-- requires: private_schema
-- A booking's fulfilment moves only forward, and a signed-in user cancels it only through
-- public.cancel_booking(), which gives the slot's seat back (a direct UPDATE would not).

BEGIN;

CREATE FUNCTION private.service_bookings_check_fulfillment()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
    IF NEW.fulfillment_status = OLD.fulfillment_status THEN
        RETURN NEW;
    END IF;
    IF NOT (
        (
            OLD.fulfillment_status = 'PENDING'
            AND NEW.fulfillment_status IN ('SCHEDULED', 'IN_PROGRESS', 'CANCELLED', 'NO_SHOW')
        )
        OR (
            OLD.fulfillment_status = 'SCHEDULED'
            AND NEW.fulfillment_status IN ('IN_PROGRESS', 'CANCELLED', 'NO_SHOW')
        )
        OR (OLD.fulfillment_status = 'IN_PROGRESS' AND NEW.fulfillment_status = 'COMPLETED')
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM062',
            MESSAGE = format(
                'booking %s cannot move from %s to %s',
                OLD.id, OLD.fulfillment_status, NEW.fulfillment_status
            ),
            HINT = 'A booking goes PENDING, SCHEDULED, IN_PROGRESS, COMPLETED; it ends '
            || 'CANCELLED or NO_SHOW only before it is in progress.';
    END IF;
    IF NEW.fulfillment_status = 'CANCELLED' AND current_user = 'authenticated' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM063',
            MESSAGE = format(
                'booking %s is cancelled with public.cancel_booking(), which gives its seat '
                || 'back',
                OLD.id
            ),
            HINT = 'call public.cancel_booking(booking id) instead of updating the status';
    END IF;
    RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION private.service_bookings_check_fulfillment()
FROM public, anon, authenticated, service_role;

COMMENT ON FUNCTION private.service_bookings_check_fulfillment() IS
'BEFORE UPDATE OF fulfillment_status on service_bookings. Raises OM062 for a move off the '
'arrows PENDING -> SCHEDULED -> IN_PROGRESS -> COMPLETED (CANCELLED and NO_SHOW from PENDING '
'or SCHEDULED), for every role; OM063 when a signed-in user sets CANCELLED directly instead '
'of calling cancel_booking (which releases the seat). Runs as the caller, so the SECURITY '
'DEFINER functions cancel_booking and cancel_order pass the OM063 check.';

-- Named to fire after service_bookings_guard_update (BEFORE triggers fire in name order),
-- so that who-may-change-what (OM060/OM061) is reported before which move (OM062/OM063).
CREATE TRIGGER service_bookings_moves_along_fulfillment
BEFORE UPDATE OF fulfillment_status ON public.service_bookings
FOR EACH ROW EXECUTE FUNCTION private.service_bookings_check_fulfillment();

COMMIT;
