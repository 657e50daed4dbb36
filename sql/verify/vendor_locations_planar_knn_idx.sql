-- Verify onemedi:vendor_locations_planar_knn_idx on pg

BEGIN;

SELECT 1 / count(*)::integer
FROM pg_catalog.pg_index AS i
WHERE i.indexrelid = 'public.vendor_locations_coords_planar_gist'::regclass AND i.indisvalid;

ROLLBACK;
