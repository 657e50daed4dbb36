-- Deploy onemedi:api_guards_om_admin to pg
-- requires: admin_role
-- requires: order_moves_by_role
-- requires: service_booking_guards
-- requires: booking_fulfillment_moves
-- requires: privileged_column_guards
-- requires: publish_medicine_version_admin_only
-- The guards that tell an API user from the backend by CURRENT_USER named authenticated
-- only; an admin's request now runs as om_admin (admin_role) and would pass them as if it
-- were the owner: update payment_status, move a booking, publish without being an admin.
-- Each guard gets om_admin beside authenticated, one exact edit per test, and the deploy
-- fails if a guard no longer reads as expected (a later rework must carry the edit over).

BEGIN;

DO $$
DECLARE
    v_edit record;
    v_def text;
BEGIN
    FOR v_edit IN
        SELECT * FROM (VALUES
            ('private.orders_authorize_moves()'::regprocedure,
             $e$CURRENT_USER NOT IN ('anon', 'authenticated', 'service_role')$e$,
             $e$CURRENT_USER NOT IN ('anon', 'authenticated', 'om_admin', 'service_role')$e$),
            ('private.orders_authorize_moves()'::regprocedure,
             $e$AND CURRENT_USER = 'authenticated'$e$,
             $e$AND CURRENT_USER IN ('authenticated', 'om_admin')$e$),
            ('private.guard_service_booking_update()'::regprocedure,
             $e$IF CURRENT_USER <> 'authenticated' THEN$e$,
             $e$IF CURRENT_USER NOT IN ('authenticated', 'om_admin') THEN$e$),
            ('private.service_bookings_check_fulfillment()'::regprocedure,
             $e$AND current_user = 'authenticated' THEN$e$,
             $e$AND current_user IN ('authenticated', 'om_admin') THEN$e$),
            ('private.guard_privileged_columns()'::regprocedure,
             $e$IF CURRENT_USER NOT IN ('anon', 'authenticated') THEN$e$,
             $e$IF CURRENT_USER NOT IN ('anon', 'authenticated', 'om_admin') THEN$e$),
            ('private.guard_privileged_columns()'::regprocedure,
             $e$IF CURRENT_USER = 'authenticated' AND private.is_admin() THEN$e$,
             $e$IF CURRENT_USER IN ('authenticated', 'om_admin') AND private.is_admin() THEN$e$),
            ('public.publish_medicine_version(uuid, jsonb)'::regprocedure,
             $e$IF CURRENT_USER = 'authenticated' AND NOT private.is_admin() THEN$e$,
             $e$IF CURRENT_USER IN ('authenticated', 'om_admin') AND NOT private.is_admin() THEN$e$)
        ) AS e (fn, old_text, new_text)
    LOOP
        v_def := pg_catalog.pg_get_functiondef(v_edit.fn);
        IF (pg_catalog.length(v_def) - pg_catalog.length(
            pg_catalog.replace(v_def, v_edit.old_text, ''))) / pg_catalog.length(v_edit.old_text) <> 1
        THEN
            RAISE EXCEPTION 'api_guards_om_admin: % does not contain "%" exactly once',
                v_edit.fn, v_edit.old_text;
        END IF;
        EXECUTE pg_catalog.replace(v_def, v_edit.old_text, v_edit.new_text);
    END LOOP;
END;
$$;

COMMIT;
