-- Deploy onemedi:admin_role to pg
-- requires: security_helpers
-- The role an admin's requests run as. Row-level security chooses policies by role when a
-- query is planned and combines them with OR; an admin arm (is_admin()) in the policies of
-- authenticated is a value no index can serve, so every patient's "newest orders" read the
-- whole table. The admin arm moves to policies for om_admin: PostgREST switches to the role
-- named in the JWT's role claim, and custom_access_token_hook (Supabase's custom access
-- token hook) names om_admin for a user whose profile has the role ADMIN. om_admin inherits
-- what authenticated may do; its policies still ask is_admin(), so a token that outlives a
-- demotion shows nothing more than the user's own rows.
-- Roles belong to the cluster: a role another database already created is reused.

BEGIN;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'om_admin') THEN
        CREATE ROLE om_admin NOLOGIN INHERIT;
    END IF;
END;
$$;
COMMENT ON ROLE om_admin IS
'ONE MEDI admins'' API requests (the JWT role claim set by custom_access_token_hook): what '
'authenticated may do, plus the admin read policies, each still checking is_admin().';
GRANT authenticated TO om_admin;
-- The deploying role may act as om_admin, as Supabase's postgres may act as authenticated
-- (tests and operators impersonate an admin the way PostgREST does).
GRANT om_admin TO current_user;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'authenticator') THEN
        GRANT om_admin TO authenticator;
    END IF;
END;
$$;

CREATE FUNCTION public.custom_access_token_hook(event jsonb)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_claims jsonb := coalesce(event -> 'claims', '{}'::jsonb);
BEGIN
    IF v_claims ->> 'role' = 'authenticated' AND EXISTS (
        SELECT 1
        FROM public.profiles AS p
        INNER JOIN public.roles AS r ON p.role_id = r.id
        WHERE p.id = (event ->> 'user_id')::uuid AND r.name = 'ADMIN'
    ) THEN
        v_claims := pg_catalog.jsonb_set(v_claims, '{role}', '"om_admin"');
    END IF;
    RETURN pg_catalog.jsonb_set(event, '{claims}', v_claims);
END;
$$;
COMMENT ON FUNCTION public.custom_access_token_hook(jsonb) IS
'Supabase Auth''s custom access token hook: an ADMIN''s token names the role om_admin, '
'everyone else''s stays authenticated. Enable it in the project''s Auth hooks (or '
'[auth.hook.custom_access_token] in supabase/config.toml); only supabase_auth_admin runs it.';
REVOKE ALL ON FUNCTION public.custom_access_token_hook(jsonb)
FROM public, anon, authenticated, service_role;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'supabase_auth_admin') THEN
        GRANT EXECUTE ON FUNCTION public.custom_access_token_hook(jsonb)
        TO supabase_auth_admin;
    END IF;
END;
$$;

COMMIT;
