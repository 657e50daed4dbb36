-- Verify onemedi:branch_scope on pg

BEGIN;

SELECT
    1 / has_function_privilege(
        'authenticated', 'private.writable_branch_ids()', 'EXECUTE'
    )::integer;

SELECT 1 / (count(*) = 15)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND policyname LIKE 'vendor staff and admins %'
    AND coalesce(qual, with_check) LIKE '%writable_branch_ids()%';

ROLLBACK;
