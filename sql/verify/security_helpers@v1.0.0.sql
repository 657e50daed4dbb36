-- Verify onemedi:security_helpers on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.is_admin()'::regprocedure
    AND prosecdef
    AND proconfig @> ARRAY['search_path=""'];
SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.has_vendor_access(uuid)'::regprocedure
    AND prosecdef
    AND proconfig @> ARRAY['search_path=""'];
SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.current_vendor_ids()'::regprocedure
    AND prosecdef
    AND proconfig @> ARRAY['search_path=""'];
SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.managed_vendor_ids()'::regprocedure
    AND prosecdef
    AND proconfig @> ARRAY['search_path=""'];
SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.current_vendor_order_ids()'::regprocedure
    AND prosecdef
    AND proconfig @> ARRAY['search_path=""'];
SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.writable_vendor_ids()'::regprocedure
    AND prosecdef
    AND proconfig @> ARRAY['search_path=""'];
SELECT 1 / (NOT has_function_privilege('anon', 'public.is_admin()', 'execute'))::integer;
SELECT
    1 / (
        NOT has_function_privilege('anon', 'public.has_vendor_access(uuid)', 'execute')
    )::integer;
SELECT has_function_privilege('authenticated', 'public.has_vendor_access(uuid)', 'execute');

ROLLBACK;
