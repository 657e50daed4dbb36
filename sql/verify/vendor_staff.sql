-- Verify onemedi:vendor_staff on pg

BEGIN;

SELECT
    id,
    vendor_id,
    user_id,
    branch_id,
    access_level,
    created_at,
    updated_at
FROM public.vendor_staff
WHERE FALSE;

ROLLBACK;
