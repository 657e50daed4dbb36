-- Verify onemedi:order_ownership_fixed on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.orders'::regclass
    AND tgname = 'orders_fix_ownership'
    AND tgfoid = 'private.refuse_ownership_change()'::regprocedure;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.service_bookings'::regclass
    AND tgname = 'service_bookings_ownership_fixed'
    AND tgfoid = 'private.refuse_ownership_change()'::regprocedure;

ROLLBACK;
