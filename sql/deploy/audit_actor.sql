-- Deploy onemedi:audit_actor to pg
-- requires: private_schema
-- requires: audit_logs
-- requires: audit_trail
-- Who acted, for every audit row: a signed-in user, the backend (service_role, naming the
-- person it acts for when it can) or the system (no request at all). Rows written before
-- this change keep actor_kind NULL: the log is append-only and nobody knows it for them.
-- The two functions are column defaults, not RPCs: they live in schema private.

BEGIN;

CREATE TYPE public.audit_actor_kind AS ENUM ('user', 'service', 'system');
COMMENT ON TYPE public.audit_actor_kind IS
'Which channel acted on an audited record: user (a signed-in user through the API, JWT role '
'authenticated or anon), service (the backend with the service_role key, acting for the '
'person in actor_id when it names one), system (no request: migrations, pg_cron jobs, '
'direct SQL sessions).';

REVOKE ALL ON TYPE public.audit_actor_kind FROM public;
GRANT USAGE ON TYPE public.audit_actor_kind TO anon, authenticated, service_role;

-- Metadata only on a live table: no default expression is evaluated for existing rows.
ALTER TABLE public.audit_logs ADD COLUMN actor_kind public.audit_actor_kind;

COMMENT ON COLUMN public.audit_logs.actor_kind IS
'Which channel acted (user, service, system); see actor_id for the person. NULL only on '
'rows written before change audit_actor (v1.0.0 rows), whose channel was not recorded.';

-- plpgsql, not sql: a function with SET search_path is never inlined, and plpgsql keeps its
-- plans for the session, where a sql function is planned again in every statement (measured:
-- 0.9 ms against 0.02 ms per audit INSERT).
CREATE FUNCTION private.current_audit_actor_kind()
RETURNS public.audit_actor_kind
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_role text := auth.role();
BEGIN
    RETURN CASE
        WHEN v_role = 'service_role' THEN 'service'::public.audit_actor_kind
        WHEN v_role IS NOT NULL THEN 'user'::public.audit_actor_kind
        ELSE 'system'::public.audit_actor_kind
    END;
END;
$$;

COMMENT ON FUNCTION private.current_audit_actor_kind() IS
'The channel of the current request, from the JWT claims PostgREST sets: service when the '
'role claim is service_role, user for any other role claim, system when no claims are set. '
'Default of audit_logs.actor_kind. Raises nothing.';

CREATE FUNCTION private.current_audit_actor_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    c_uuid constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    v_kind public.audit_actor_kind := private.current_audit_actor_kind();
    v_value text;
BEGIN
    -- A signed-in user is always the sub of their own verified JWT: nothing else counts.
    IF v_kind = 'user' THEN
        RETURN auth.uid();
    END IF;
    -- An operator's session (psql, a script, a cron job) may name itself.
    v_value := nullif(pg_catalog.current_setting('onemedi.actor_id', TRUE), '');
    IF v_kind = 'service' THEN
        -- The backend names the person it acts for: a sub in its JWT, else the setting
        -- onemedi.actor_id (set_config in the same transaction), else the request header
        -- x-onemedi-actor-id (PostgREST exposes the headers as request.headers).
        v_value := coalesce(
            nullif(pg_catalog.current_setting('request.jwt.claim.sub', TRUE), ''),
            nullif(pg_catalog.current_setting('request.jwt.claims', TRUE), '')::jsonb ->> 'sub',
            v_value
        );
        IF v_value IS NULL THEN
            BEGIN
                v_value := nullif(
                    pg_catalog.current_setting('request.headers', TRUE), ''
                )::jsonb ->> 'x-onemedi-actor-id';
            EXCEPTION
                WHEN invalid_text_representation THEN
                    v_value := NULL;  -- headers that are not JSON name nobody
            END;
        END IF;
    END IF;
    IF v_value ~* c_uuid THEN
        RETURN v_value::uuid;
    END IF;
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION private.current_audit_actor_id() IS
'The person acting in the current request: for a signed-in user auth.uid(); for the backend '
'(service_role) the sub claim of its JWT, else the setting onemedi.actor_id, else the '
'request header x-onemedi-actor-id; for a session without claims (system) the setting '
'onemedi.actor_id. NULL when none is given or the value is not a uuid: nothing is refused '
'for a missing actor, actor_kind still says who acted. Default of audit_logs.actor_id.';

REVOKE ALL ON FUNCTION private.current_audit_actor_kind()
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.current_audit_actor_id()
FROM public, anon, authenticated, service_role;

-- New rows only: the existing rows keep what they have (actor_kind NULL).
ALTER TABLE public.audit_logs
ALTER COLUMN actor_id SET DEFAULT private.current_audit_actor_id(),
ALTER COLUMN actor_kind SET DEFAULT private.current_audit_actor_kind();

COMMENT ON COLUMN public.audit_logs.actor_id IS
'Person who acted (current_audit_actor_id(): the signed-in user, or the person the backend '
'names for a service_role call); NULL when none is named. Deliberately no foreign key: '
'deleting or erasing a user must never remove or block its history.';

COMMIT;
