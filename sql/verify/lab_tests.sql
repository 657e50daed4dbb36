-- Verify onemedi:lab_tests on pg

BEGIN;

SELECT
    id,
    name,
    code,
    sample_type,
    fasting_needed,
    category,
    created_at,
    updated_at
FROM public.lab_tests
WHERE FALSE;

ROLLBACK;
