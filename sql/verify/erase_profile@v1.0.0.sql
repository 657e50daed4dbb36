-- Verify onemedi:erase_profile on pg

BEGIN;

SELECT has_function_privilege('service_role', 'public.erase_profile(uuid)', 'execute');

ROLLBACK;
