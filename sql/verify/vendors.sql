-- Verify onemedi:vendors on pg

BEGIN;

SELECT
    id,
    name,
    type,
    owner_id,
    commission_rate,
    is_active,
    created_at,
    updated_at
FROM public.vendors
WHERE FALSE;

ROLLBACK;
