-- Verify onemedi:scan_pricing on pg

BEGIN;

SELECT
    id,
    scan_id,
    vendor_id,
    branch_id,
    price,
    mrp,
    created_at,
    updated_at
FROM public.scan_pricing
WHERE FALSE;

ROLLBACK;
