-- Deploy onemedi:set_updated_at to pg
-- requires: set_updated_at@v1.0.0
-- requires: private_schema
-- set_updated_at() is a trigger function: it moves to schema private with the other
-- internals (triggers follow it by oid); nothing calls it by name.

BEGIN;

ALTER FUNCTION public.set_updated_at() SET SCHEMA private;

SELECT private.requalify(
    ARRAY['set_updated_at'],
    'public',
    'private'
);

COMMIT;
