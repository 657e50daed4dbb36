-- Revert onemedi:api_guards_om_admin from pg
-- The guards as they were: om_admin taken out of each role test again.

BEGIN;

DO $$
DECLARE
    v_edit record;
    v_def text;
BEGIN
    FOR v_edit IN
        SELECT * FROM (VALUES
            ('private.orders_authorize_moves()'::regprocedure,
             $e$CURRENT_USER NOT IN ('anon', 'authenticated', 'om_admin', 'service_role')$e$,
             $e$CURRENT_USER NOT IN ('anon', 'authenticated', 'service_role')$e$),
            ('private.orders_authorize_moves()'::regprocedure,
             $e$AND CURRENT_USER IN ('authenticated', 'om_admin')$e$,
             $e$AND CURRENT_USER = 'authenticated'$e$),
            ('private.guard_service_booking_update()'::regprocedure,
             $e$IF CURRENT_USER NOT IN ('authenticated', 'om_admin') THEN$e$,
             $e$IF CURRENT_USER <> 'authenticated' THEN$e$),
            ('private.service_bookings_check_fulfillment()'::regprocedure,
             $e$AND current_user IN ('authenticated', 'om_admin') THEN$e$,
             $e$AND current_user = 'authenticated' THEN$e$),
            ('private.guard_privileged_columns()'::regprocedure,
             $e$IF CURRENT_USER NOT IN ('anon', 'authenticated', 'om_admin') THEN$e$,
             $e$IF CURRENT_USER NOT IN ('anon', 'authenticated') THEN$e$),
            ('private.guard_privileged_columns()'::regprocedure,
             $e$IF CURRENT_USER IN ('authenticated', 'om_admin') AND private.is_admin() THEN$e$,
             $e$IF CURRENT_USER = 'authenticated' AND private.is_admin() THEN$e$),
            ('public.publish_medicine_version(uuid, jsonb)'::regprocedure,
             $e$IF CURRENT_USER IN ('authenticated', 'om_admin') AND NOT private.is_admin() THEN$e$,
             $e$IF CURRENT_USER = 'authenticated' AND NOT private.is_admin() THEN$e$)
        ) AS e (fn, old_text, new_text)
    LOOP
        v_def := pg_catalog.pg_get_functiondef(v_edit.fn);
        IF (pg_catalog.length(v_def) - pg_catalog.length(
            pg_catalog.replace(v_def, v_edit.old_text, ''))) / pg_catalog.length(v_edit.old_text) <> 1
        THEN
            RAISE EXCEPTION 'api_guards_om_admin revert: % does not contain "%" exactly once',
                v_edit.fn, v_edit.old_text;
        END IF;
        EXECUTE pg_catalog.replace(v_def, v_edit.old_text, v_edit.new_text);
    END LOOP;
END;
$$;

COMMIT;
