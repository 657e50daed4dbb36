-- Verify onemedi:publish_medicine_version_admin_only on pg

BEGIN;

SELECT 1 / (pg_catalog.strpos(
    pg_catalog.pg_get_functiondef('public.publish_medicine_version(uuid, jsonb)'::regprocedure),
    'only an admin may publish'
) > 0)::integer;

ROLLBACK;
