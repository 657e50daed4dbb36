-- Verify onemedi:refunds on pg

BEGIN;

SELECT
    id,
    order_item_id,
    amount,
    reason,
    status,
    gateway_ref,
    processed_at,
    created_at,
    updated_at
FROM public.refunds
WHERE FALSE;

ROLLBACK;
