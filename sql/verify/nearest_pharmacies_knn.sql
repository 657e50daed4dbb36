-- Verify onemedi:nearest_pharmacies_knn on pg

BEGIN;

SELECT 1 / (pg_catalog.strpos(p.prosrc, 'c_branches CURSOR') > 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE p.oid = 'public.nearest_pharmacies(float8, float8, integer, float8)'::regprocedure;
SELECT count(*) FROM public.nearest_pharmacies(28.6, 77.2, 1, 10);

ROLLBACK;
