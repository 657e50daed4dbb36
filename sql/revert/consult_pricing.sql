-- Revert onemedi:consult_pricing from pg

BEGIN;

DROP TABLE public.consult_pricing;

COMMIT;
