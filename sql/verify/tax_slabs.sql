-- Verify onemedi:tax_slabs on pg

BEGIN;

SELECT
    id,
    hsn_code,
    description,
    cgst,
    sgst,
    igst,
    effective_from,
    effective_to,
    notification,
    created_at,
    updated_at
FROM public.tax_slabs
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_constraint
WHERE conname = 'tax_slabs_no_overlap' AND contype = 'x';

ROLLBACK;
