-- Revert onemedi:cities from pg

BEGIN;

DROP TABLE public.cities;

COMMIT;
