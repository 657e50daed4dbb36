-- Verify onemedi:service_booking_guards on pg

BEGIN;

SELECT 'private.guard_service_booking_update()'::regprocedure;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.service_bookings'::regclass
    AND tgname = 'service_bookings_guard_update'
    AND tgfoid = 'private.guard_service_booking_update()'::regprocedure;

ROLLBACK;
