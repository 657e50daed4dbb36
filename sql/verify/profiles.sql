-- Verify onemedi:profiles on pg

BEGIN;

SELECT
    id,
    full_name,
    phone,
    role_id,
    created_at,
    updated_at
FROM public.profiles
WHERE FALSE;

ROLLBACK;
