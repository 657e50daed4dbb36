-- Revert onemedi:vendor_locations_planar_knn_idx from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.vendor_locations_coords_planar_gist;
