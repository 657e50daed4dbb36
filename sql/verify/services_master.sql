-- Verify onemedi:services_master on pg

BEGIN;

SELECT
    id,
    name,
    unit,
    created_at,
    updated_at
FROM public.services_master
WHERE FALSE;

ROLLBACK;
