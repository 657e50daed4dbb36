-- Verify onemedi:lab_pricing on pg

BEGIN;

SELECT
    id,
    test_id,
    vendor_id,
    branch_id,
    price,
    mrp,
    nabl_accredited,
    created_at,
    updated_at
FROM public.lab_pricing
WHERE FALSE;

ROLLBACK;
