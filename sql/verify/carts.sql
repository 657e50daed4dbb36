-- Verify onemedi:carts on pg

BEGIN;

SELECT
    id,
    profile_id,
    status,
    checked_out_at,
    created_at,
    updated_at
FROM public.carts
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' AND indexname = 'carts_one_open_per_profile';

ROLLBACK;
