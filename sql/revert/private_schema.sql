-- Revert onemedi:private_schema from pg

BEGIN;

DROP FUNCTION private.requalify(text[], name, name);
DROP SCHEMA private;

COMMIT;
