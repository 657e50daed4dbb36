-- Verify onemedi:vendor_kyc on pg

BEGIN;

SELECT
    id,
    vendor_id,
    branch_id,
    gstin,
    dl_number,
    license_url,
    verified_at,
    verified_by,
    created_at,
    updated_at
FROM public.vendor_kyc
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_constraint
WHERE
    conrelid = 'public.vendor_kyc'::regclass
    AND conname = 'vendor_kyc_gstin_is_valid'
    AND contype = 'c';

ROLLBACK;
