-- Verify onemedi:coupons on pg

BEGIN;

SELECT
    id,
    code,
    description,
    discount_type,
    value,
    max_uses,
    valid_from,
    valid_to,
    is_active,
    created_at,
    updated_at
FROM public.coupons
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' AND indexname = 'coupons_lower_code_key';

ROLLBACK;
