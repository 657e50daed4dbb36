-- Verify onemedi:medicine_alternatives on pg

BEGIN;

SELECT
    medicine_id,
    alternative_id,
    rank,
    approved,
    created_at,
    updated_at
FROM public.medicine_alternatives
WHERE FALSE;

ROLLBACK;
