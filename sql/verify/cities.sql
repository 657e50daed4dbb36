-- Verify onemedi:cities on pg

BEGIN;

SELECT
    id,
    state_code,
    name,
    centre,
    created_at,
    updated_at
FROM public.cities
WHERE FALSE;

ROLLBACK;
