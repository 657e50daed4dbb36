-- Verify onemedi:api_guards_om_admin on pg
-- No function of public or private tells API users by CURRENT_USER without om_admin.

BEGIN;

SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace IN ('public'::regnamespace, 'private'::regnamespace)
    AND p.prosrc ~* 'current_user[^;]*''authenticated'''
    AND p.prosrc !~ 'om_admin';
SELECT 1 / (count(*) = 5)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.oid IN (
        'private.orders_authorize_moves()'::regprocedure,
        'private.guard_service_booking_update()'::regprocedure,
        'private.service_bookings_check_fulfillment()'::regprocedure,
        'private.guard_privileged_columns()'::regprocedure,
        'public.publish_medicine_version(uuid, jsonb)'::regprocedure
    )
    AND p.prosrc ~ 'om_admin';

ROLLBACK;
