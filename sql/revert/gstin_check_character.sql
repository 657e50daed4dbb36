-- Revert onemedi:gstin_check_character from pg

BEGIN;

DROP FUNCTION private.gstin_check_character(text);

COMMIT;
