-- Revert onemedi:orders from pg

BEGIN;

DROP TABLE public.orders;

COMMIT;
