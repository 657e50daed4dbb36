-- Verify onemedi:erase_profile on pg

BEGIN;

SELECT has_function_privilege('service_role', 'public.erase_profile(uuid)', 'execute');

SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.erase_profile(uuid)'::regprocedure
    AND prosecdef
    AND prosrc LIKE '%schedule_h1_register%';

ROLLBACK;
