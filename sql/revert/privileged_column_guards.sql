-- Revert onemedi:privileged_column_guards from pg

BEGIN;

ALTER FUNCTION private.guard_privileged_columns() SET SCHEMA public;

SELECT private.requalify(
    ARRAY['guard_privileged_columns'],
    'private',
    'public'
);

COMMIT;
