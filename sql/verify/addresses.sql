-- Verify onemedi:addresses on pg

BEGIN;

SELECT
    id,
    profile_id,
    tag,
    line_1,
    line_2,
    city_id,
    pincode,
    coords,
    is_default,
    created_at,
    updated_at
FROM public.addresses
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' AND indexname = 'addresses_coords_gist';

ROLLBACK;
