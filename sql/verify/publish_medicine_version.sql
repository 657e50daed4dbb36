-- Verify onemedi:publish_medicine_version on pg

BEGIN;

SELECT has_function_privilege('public.publish_medicine_version(uuid, jsonb)', 'execute');

SELECT 1 / count(*) FROM pg_catalog.pg_trigger
WHERE tgname = 'medicine_master_move_to_new_version';

ROLLBACK;
