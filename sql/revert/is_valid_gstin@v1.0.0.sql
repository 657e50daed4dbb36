-- Revert onemedi:is_valid_gstin from pg

BEGIN;

DROP FUNCTION public.is_valid_gstin(text);

COMMIT;
