-- Verify onemedi:orders_payment_ref_unique on pg

BEGIN;

SELECT
    order_id,
    payment_ref,
    kept_by_order_id,
    resolved_at
FROM private.payment_ref_conflicts
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_constraint
WHERE
    conrelid = 'public.orders'::regclass
    AND conname = 'orders_payment_ref_key'
    AND contype = 'u';

ROLLBACK;
