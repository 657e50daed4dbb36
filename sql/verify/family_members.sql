-- Verify onemedi:family_members on pg

BEGIN;

SELECT
    id,
    owner_id,
    name,
    relation,
    dob,
    medical_history,
    created_at,
    updated_at
FROM public.family_members
WHERE FALSE;

ROLLBACK;
