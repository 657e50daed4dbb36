-- Verify onemedi:nearest_pharmacies on pg

BEGIN;

SELECT count(*) FROM public.nearest_pharmacies(28.6, 77.2, 1, 10);
SELECT 1 / has_function_privilege(
    'anon',
    'public.nearest_pharmacies(double precision, double precision, integer, double precision)',
    'EXECUTE'
)::integer;

ROLLBACK;
