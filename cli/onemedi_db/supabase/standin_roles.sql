-- Supabase stand-in, cluster part: the roles a Supabase project has before any migration.
-- Roles belong to the whole cluster, so this part only creates what is missing and never
-- changes the attributes of a role that exists already (other databases may rely on them).
-- Written from Supabase's documented roles; runs inside the installer's transaction.

DO $roles$
BEGIN
    -- The API roles PostgREST switches into (INHERIT, as on hosted projects since 2023).
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
        CREATE ROLE anon NOLOGIN INHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN
        CREATE ROLE authenticated NOLOGIN INHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
        CREATE ROLE service_role NOLOGIN INHERIT BYPASSRLS;
    END IF;
    -- The role PostgREST logs in as; it becomes one of the three above per request.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticator') THEN
        CREATE ROLE authenticator LOGIN NOINHERIT;
    END IF;
    -- The owners of the auth and storage tables (GoTrue's and the storage service's roles).
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_auth_admin') THEN
        CREATE ROLE supabase_auth_admin NOLOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_storage_admin') THEN
        CREATE ROLE supabase_storage_admin NOLOGIN NOINHERIT;
    END IF;
    -- The deploying role as hosted projects have it: not a superuser. Created only where it
    -- is missing (a cluster of our own); an existing `postgres` keeps its attributes.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'postgres') THEN
        CREATE ROLE postgres NOSUPERUSER CREATEDB CREATEROLE REPLICATION BYPASSRLS LOGIN;
    END IF;
END
$roles$;

GRANT anon TO authenticator;
GRANT authenticated TO authenticator;
GRANT service_role TO authenticator;

-- What hosted Supabase gives `postgres` besides its attributes: membership of the API roles
-- (to SET ROLE into them) and of three predefined roles, and (through supautils) the right
-- to set session_replication_role, which PostgreSQL 15 can grant as a parameter privilege.
-- Never done to a superuser `postgres` (it needs none of it, and the role is not ours).
DO $postgres$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres') THEN
        GRANT anon, authenticated, service_role TO postgres;
        GRANT pg_read_all_data, pg_monitor, pg_signal_backend TO postgres;
        GRANT SET ON PARAMETER session_replication_role TO postgres;
    END IF;
END
$postgres$;
