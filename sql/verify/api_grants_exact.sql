-- Verify onemedi:api_grants_exact on pg

BEGIN;

-- What the platform's default privileges used to leave open, closed whatever they are.
SELECT 1 / (
    NOT has_column_privilege('anon', 'public.vendors', 'commission_rate', 'SELECT')
)::integer;
SELECT 1 / (
    NOT has_function_privilege('anon', 'public.log_access(text, text, jsonb)', 'EXECUTE')
)::integer;
-- anon executes no SECURITY DEFINER function, and no API role holds TRUNCATE, REFERENCES or
-- TRIGGER but service_role.
SELECT 1 / (count(*) = 0)::integer
FROM private.api_privileges() AS a
INNER JOIN pg_catalog.pg_proc AS p ON a.kind = 'function' AND p.oid = a.object::regprocedure
WHERE a.grantee IN ('anon', 'public') AND p.prosecdef;
SELECT 1 / (count(*) = 0)::integer
FROM private.api_privileges() AS a
WHERE
    a.grantee IN ('anon', 'authenticated', 'public')
    AND a.privilege IN ('TRUNCATE', 'REFERENCES', 'TRIGGER');
SELECT
    position,
    kind,
    object,
    column_name,
    grantee,
    privileges
FROM private.api_grants_exact_before
WHERE FALSE;

ROLLBACK;
