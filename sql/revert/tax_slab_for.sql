-- Revert onemedi:tax_slab_for from pg

BEGIN;

DROP FUNCTION public.tax_slab_for(text, date);

COMMIT;
