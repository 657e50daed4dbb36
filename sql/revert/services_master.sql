-- Revert onemedi:services_master from pg

BEGIN;

DROP TABLE public.services_master;
DROP TYPE public.service_unit;

COMMIT;
