-- Revert onemedi:lab_pricing from pg

BEGIN;

DROP TABLE public.lab_pricing;

COMMIT;
