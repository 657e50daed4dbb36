-- Deploy onemedi:vendor_locations_planar_knn_idx to pg
-- requires: vendor_locations
-- A planar GiST index of the branches' positions (longitude and latitude as plain
-- numbers), for nearest_pharmacies: the design's geography index returns the nearest
-- branch after 5.7 ms at 50,000 branches (its distance is computed on the sphere for every
-- entry it visits), the planar one after 0.5 ms; nearest_pharmacies bounds the difference
-- between degrees and metres and measures the distance on the spheroid.
-- Built CONCURRENTLY, so writers of a live table are not blocked; a build that failed half
-- way leaves an invalid index, which the first statement removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.vendor_locations_coords_planar_gist;
CREATE INDEX CONCURRENTLY vendor_locations_coords_planar_gist ON public.vendor_locations
USING gist ((coords::extensions.geometry));

COMMENT ON INDEX public.vendor_locations_coords_planar_gist IS
'Branches nearest first in degrees (planar KNN), for nearest_pharmacies: an order the '
'geography index gives ten times slower.';
