-- Verify onemedi:service_pricing on pg

BEGIN;

SELECT
    id,
    service_id,
    vendor_id,
    base_price,
    variable_price,
    created_at,
    updated_at
FROM public.service_pricing
WHERE FALSE;

ROLLBACK;
