-- Verify onemedi:audit_actor on pg

BEGIN;

SELECT
    actor_id,
    actor_kind
FROM public.audit_logs
WHERE FALSE;

SELECT
    1 / (
        pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE '%current_audit_actor_kind()'
    )::integer
FROM pg_catalog.pg_attrdef AS d
INNER JOIN pg_catalog.pg_attribute AS a
    ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE d.adrelid = 'public.audit_logs'::regclass AND a.attname = 'actor_kind';

SELECT 1 / (NOT has_function_privilege(
    'authenticated', 'private.current_audit_actor_id()', 'execute'
))::integer;

ROLLBACK;
