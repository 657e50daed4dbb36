-- Verify onemedi:orders on pg

BEGIN;

SELECT
    id,
    profile_id,
    status,
    payment_status,
    payment_ref,
    address_id,
    delivery_address,
    delivery_state_code,
    coupon_id,
    gross_amount,
    discount_amount,
    tax_amount,
    net_amount,
    created_at,
    updated_at
FROM public.orders
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' AND indexname = 'orders_created_at_brin';

ROLLBACK;
