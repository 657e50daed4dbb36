-- Verify onemedi:doctors on pg

BEGIN;

SELECT
    id,
    profile_id,
    specialty,
    reg_number,
    experience_years,
    created_at,
    updated_at
FROM public.doctors
WHERE FALSE;

ROLLBACK;
