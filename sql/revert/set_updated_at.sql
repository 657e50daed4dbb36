-- Revert onemedi:set_updated_at from pg

BEGIN;

ALTER FUNCTION private.set_updated_at() SET SCHEMA public;

SELECT private.requalify(
    ARRAY['set_updated_at'],
    'private',
    'public'
);

COMMIT;
