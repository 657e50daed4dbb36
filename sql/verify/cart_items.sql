-- Verify onemedi:cart_items on pg

BEGIN;

SELECT
    id,
    cart_id,
    service_catalog_id,
    qty,
    created_at,
    updated_at
FROM public.cart_items
WHERE FALSE;

ROLLBACK;
