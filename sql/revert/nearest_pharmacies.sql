-- Revert onemedi:nearest_pharmacies from pg

BEGIN;

DROP FUNCTION public.nearest_pharmacies(
    double precision, double precision, integer, double precision
);

COMMIT;
