-- Verify onemedi:admin_role on pg

BEGIN;

SELECT 1 / pg_catalog.pg_has_role('om_admin', 'authenticated', 'USAGE')::integer;
SELECT 1 / (
    public.custom_access_token_hook(
        '{"user_id": "00000000-0000-4000-8000-000000000000", "claims": {"role": "authenticated"}}'
    ) #>> '{claims,role}' = 'authenticated'
)::integer;
SELECT 1 / (NOT has_function_privilege(
    'anon', 'public.custom_access_token_hook(jsonb)', 'EXECUTE'
))::integer;

ROLLBACK;
