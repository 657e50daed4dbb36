-- Supabase stand-in, database part common to every mode: the schemas and grants a project
-- starts with, and the platform steps hosted Supabase does for `postgres` through the
-- supautils extension, done here by the installer (a superuser) as the platform would.
-- Written from Supabase's documented behaviour; runs inside the installer's transaction.

-- Extensions live in their own schema, usable by the API roles.
CREATE SCHEMA IF NOT EXISTS extensions;
GRANT USAGE ON SCHEMA extensions TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;

-- The deploying role's rights on a hosted project (it owns neither the database nor the
-- schemas, yet creates the registry, the app's objects and trusted extensions).
DO $deployer$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres') THEN
        EXECUTE format('GRANT ALL ON DATABASE %I TO postgres', current_database());
        GRANT ALL ON SCHEMA public TO postgres;
        GRANT ALL ON SCHEMA extensions TO postgres;
    END IF;
END
$deployer$;

-- Platform step 1: privileged extensions. PostGIS is not a trusted extension; on a hosted
-- project supautils creates it as the platform's admin when `postgres` asks. Created here
-- by the installer, so the plan's `CREATE EXTENSION IF NOT EXISTS postgis` is a no-op.
-- pgcrypto is on every Supabase project (seeds hash passwords with crypt()).
CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;

-- Platform step 2: policies on the auth and storage tables. PostgreSQL lets only a table's
-- owner create, alter or drop its policies; hosted projects let `postgres` do it on the
-- tables Supabase lists (supautils' policy_grants) although it owns none of them. Here, for
-- the length of one CREATE/ALTER/DROP POLICY statement, `postgres` is made a member of the
-- tables' owners and the membership is taken back when the statement ends; a policy made
-- that way on a table outside the list is refused.
CREATE OR REPLACE FUNCTION extensions.standin_policy_grant_begin()
RETURNS event_trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_owner text;
    v_lent text[] := '{}';
BEGIN
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = 'postgres') THEN
        RETURN;
    END IF;
    FOREACH v_owner IN ARRAY ARRAY['supabase_auth_admin', 'supabase_storage_admin'] LOOP
        IF NOT pg_catalog.pg_has_role('postgres', v_owner, 'MEMBER') THEN
            EXECUTE pg_catalog.format('GRANT %I TO postgres', v_owner);
            v_lent := v_lent || v_owner;
        END IF;
    END LOOP;
    PERFORM pg_catalog.set_config(
        'onemedi.standin_lent', pg_catalog.array_to_string(v_lent, ','), true
    );
END;
$$;

CREATE OR REPLACE FUNCTION extensions.standin_policy_grant_end()
RETURNS event_trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_owner text;
    v_table text;
BEGIN
    FOREACH v_owner IN ARRAY pg_catalog.string_to_array(
        coalesce(pg_catalog.current_setting('onemedi.standin_lent', true), ''), ','
    ) LOOP
        EXECUTE pg_catalog.format('REVOKE %I FROM postgres', v_owner);
    END LOOP;
    PERFORM pg_catalog.set_config('onemedi.standin_lent', '', true);
    FOR v_table IN
        SELECT c.oid::regclass::text
        FROM pg_catalog.pg_event_trigger_ddl_commands() AS d
        INNER JOIN pg_catalog.pg_policy AS p ON d.objid = p.oid
        INNER JOIN pg_catalog.pg_class AS c ON p.polrelid = c.oid
        WHERE
            d.classid = 'pg_catalog.pg_policy'::regclass
            AND c.relowner IN (
                'supabase_auth_admin'::regrole, 'supabase_storage_admin'::regrole
            )
    LOOP
        IF v_table NOT IN (
            'auth.audit_log_entries', 'auth.identities', 'auth.refresh_tokens',
            'auth.sessions', 'auth.users', 'storage.buckets', 'storage.migrations',
            'storage.objects', 'storage.s3_multipart_uploads',
            'storage.s3_multipart_uploads_parts'
        ) THEN
            RAISE EXCEPTION 'must be owner of table %', v_table
            USING ERRCODE = '42501',
            HINT = 'Supabase lets postgres manage policies only on its listed auth and '
            'storage tables.';
        END IF;
    END LOOP;
END;
$$;

REVOKE ALL ON FUNCTION extensions.standin_policy_grant_begin() FROM public;
REVOKE ALL ON FUNCTION extensions.standin_policy_grant_end() FROM public;
COMMENT ON FUNCTION extensions.standin_policy_grant_begin() IS
'Supabase stand-in: lends postgres the auth/storage owners for one policy statement.';
COMMENT ON FUNCTION extensions.standin_policy_grant_end() IS
'Supabase stand-in: takes the lent owners back; refuses policies outside the listed tables.';

DO $event_triggers$
BEGIN
    DROP EVENT TRIGGER IF EXISTS standin_policy_grant_begin;
    DROP EVENT TRIGGER IF EXISTS standin_policy_grant_end;
    CREATE EVENT TRIGGER standin_policy_grant_begin ON ddl_command_start
    WHEN TAG IN ('CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
    EXECUTE FUNCTION extensions.standin_policy_grant_begin();
    CREATE EVENT TRIGGER standin_policy_grant_end ON ddl_command_end
    WHEN TAG IN ('CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
    EXECUTE FUNCTION extensions.standin_policy_grant_end();
END
$event_triggers$;

-- Platform step 3 (session_replication_role for `postgres`) is a grant on the parameter,
-- given with the roles (standin_roles.sql): parameters belong to the whole cluster.
