-- Revert onemedi:tax_slabs from pg

BEGIN;

DROP TABLE public.tax_slabs;

COMMIT;
