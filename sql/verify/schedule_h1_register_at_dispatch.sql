-- Verify onemedi:schedule_h1_register_at_dispatch on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.orders'::regclass
    AND tgname = 'orders_h1_register_at_dispatch'
    AND tgfoid = 'private.schedule_h1_register_at_dispatch()'::regprocedure;

ROLLBACK;
