-- Revert onemedi:vendors from pg

BEGIN;

DROP TABLE public.vendors;

COMMIT;
