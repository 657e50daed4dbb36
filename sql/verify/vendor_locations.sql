-- Verify onemedi:vendor_locations on pg

BEGIN;

SELECT
    id,
    vendor_id,
    city_id,
    name,
    address_line,
    pincode,
    coords,
    is_open_24x7,
    created_at,
    updated_at
FROM public.vendor_locations
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_constraint
WHERE
    conrelid = 'public.vendor_locations'::regclass
    AND conname = 'vendor_locations_vendor_id_id_key'
    AND contype = 'u';

SELECT 1 / count(*)
FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' AND indexname = 'vendor_locations_coords_gist';

ROLLBACK;
