-- Verify onemedi:consult_pricing on pg

BEGIN;

SELECT
    id,
    doctor_id,
    vendor_id,
    branch_id,
    price,
    mrp,
    created_at,
    updated_at
FROM public.consult_pricing
WHERE FALSE;
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'consult_pricing'
    AND policyname IN (
        'anyone reads consultation fees',
        'vendor staff and admins add consultation fees',
        'vendor staff and admins change consultation fees',
        'vendor staff and admins remove consultation fees'
    );

ROLLBACK;
