-- Verify onemedi:prescription_checks on pg

BEGIN;

SELECT
    id,
    order_id,
    artifact_id,
    vendor_id,
    checked_by,
    outcome,
    reason,
    prescriber_name,
    prescriber_address,
    checked_at
FROM public.prescription_checks
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_policies
WHERE schemaname = 'public' AND tablename = 'prescription_checks';

ROLLBACK;
