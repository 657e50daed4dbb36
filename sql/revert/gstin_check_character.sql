-- Revert onemedi:gstin_check_character from pg

BEGIN;

DROP FUNCTION public.gstin_check_character(text);

COMMIT;
