-- Verify onemedi:order_moves_by_role on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.orders'::regclass
    AND tgname = 'orders_authorize_moves'
    AND tgfoid = 'private.orders_authorize_moves()'::regprocedure;

ROLLBACK;
