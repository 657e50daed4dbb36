-- Verify onemedi:booking_fulfillment_moves on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.service_bookings'::regclass
    AND tgname = 'service_bookings_moves_along_fulfillment'
    AND tgfoid = 'private.service_bookings_check_fulfillment()'::regprocedure;

ROLLBACK;
