-- Verify onemedi:privileged_column_guards on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.guard_privileged_columns()'::regprocedure
    AND proconfig @> ARRAY['search_path=""'];
SELECT 1 / (count(*) = 3)::integer
FROM pg_catalog.pg_trigger
WHERE
    tgname IN (
        'profiles_guard_privileged_columns',
        'vendors_guard_privileged_columns',
        'orders_guard_privileged_columns'
    );

ROLLBACK;
