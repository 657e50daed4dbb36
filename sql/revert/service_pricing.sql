-- Revert onemedi:service_pricing from pg

BEGIN;

DROP TABLE public.service_pricing;

COMMIT;
