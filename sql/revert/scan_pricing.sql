-- Revert onemedi:scan_pricing from pg

BEGIN;

DROP TABLE public.scan_pricing;

COMMIT;
