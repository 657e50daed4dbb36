-- Verify onemedi:roles on pg

BEGIN;

SELECT
    id,
    name,
    permissions,
    created_at,
    updated_at
FROM public.roles
WHERE FALSE;

SELECT 1 / (count(*) = 4)::int
FROM public.roles
WHERE name IN ('ADMIN', 'VENDOR_ADMIN', 'STAFF', 'PATIENT');

ROLLBACK;
