-- Revert onemedi:addresses from pg

BEGIN;

DROP TABLE public.addresses;

COMMIT;
