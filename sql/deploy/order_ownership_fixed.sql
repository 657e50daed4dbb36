-- Deploy onemedi:order_ownership_fixed to pg
-- requires: orders
-- requires: service_bookings
-- requires: service_booking_guards
-- requires: private_schema
-- Who an order belongs to is fixed once it is placed, for every role (admins, service_role
-- and the owner included): orders.profile_id, and a booking's order_item_id and patient_id.
-- An order line's order_id is already frozen (OM024, order_items_frozen_after_placement);
-- service_booking_guards refuses these booking columns to signed-in users (OM060), and this
-- change extends the rule to the backend, so the booking, its line and its order always name
-- the same patient.

BEGIN;

CREATE FUNCTION private.refuse_ownership_change()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = ''
AS $$
DECLARE
    v_col text;
    v_changed text[] := ARRAY[]::text[];
    v_old jsonb := pg_catalog.to_jsonb(OLD);
    v_new jsonb := pg_catalog.to_jsonb(NEW);
BEGIN
    FOREACH v_col IN ARRAY TG_ARGV LOOP
        IF v_old -> v_col IS DISTINCT FROM v_new -> v_col THEN
            v_changed := v_changed || v_col;
        END IF;
    END LOOP;
    IF pg_catalog.cardinality(v_changed) > 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM093',
            MESSAGE = pg_catalog.format(
                'cannot change %s of %s %s: who it belongs to is fixed once the order is placed',
                pg_catalog.array_to_string(v_changed, ', '), TG_TABLE_NAME, OLD.id
            ),
            HINT = 'Cancel the order (or the booking) and place a new one for the right patient.';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION private.refuse_ownership_change() IS
'BEFORE UPDATE row trigger; its arguments name the columns that fix who a row belongs to. '
'Raises OM093 naming the columns the update would change, for every role (no exception for '
'admins, service_role or the owner).';

REVOKE ALL ON FUNCTION private.refuse_ownership_change()
FROM anon, authenticated, service_role, public;

-- Fires after orders_authorize_moves and orders_check_transition, before the column guard
-- (whose 42501 would wrongly suggest that an admin may change the patient).
CREATE TRIGGER orders_fix_ownership
BEFORE UPDATE OF profile_id ON public.orders
FOR EACH ROW EXECUTE FUNCTION private.refuse_ownership_change('profile_id');

-- Fires after service_bookings_guard_update, so signed-in users still get OM060 first.
CREATE TRIGGER service_bookings_ownership_fixed
BEFORE UPDATE OF order_item_id, patient_id ON public.service_bookings
FOR EACH ROW EXECUTE FUNCTION private.refuse_ownership_change('order_item_id', 'patient_id');

COMMIT;
