-- Verify onemedi:privileged_column_guards on pg

BEGIN;

SELECT 'private.guard_privileged_columns()'::regprocedure;
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace = 'public'::regnamespace
    AND p.proname IN (
        'guard_privileged_columns'
    );

ROLLBACK;
