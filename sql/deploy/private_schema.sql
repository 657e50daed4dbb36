-- Deploy onemedi:private_schema to pg
-- Schema private holds what clients must neither call nor see: the helpers policies use,
-- trigger functions, checkout's pieces, counters and the audit log's partitions. The Data
-- API (PostgREST) serves only the schemas it is configured with (public on Supabase), and
-- the generated client types list only those; private is never one of them.
-- private.requalify() rewrites the functions whose bodies name a moved object by its old
-- schema, so a change that moves a function or table keeps its callers working.

BEGIN;

CREATE SCHEMA private;

COMMENT ON SCHEMA private IS
'Objects of onemedi that the Data API must not expose: helpers of policies, trigger '
'functions, internal functions and tables, audit partitions. Never add it to PostgREST''s '
'db-schemas (Supabase: API settings, exposed schemas). USAGE is granted to the API roles '
'because policies call its helpers as the querying role.';

REVOKE ALL ON SCHEMA private FROM public;
GRANT USAGE ON SCHEMA private TO anon, authenticated, service_role;

CREATE FUNCTION private.requalify(p_names text[], p_from name, p_to name)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_pattern text := '\m' || p_from || '\.(' || pg_catalog.array_to_string(p_names, '|')
        || ')\M';
    v_function record;
    v_rewritten integer := 0;
BEGIN
    IF p_names IS NULL OR pg_catalog.cardinality(p_names) = 0 THEN
        RETURN 0;
    END IF;
    FOR v_function IN
        SELECT p.oid
        FROM pg_catalog.pg_proc AS p
        WHERE
            p.pronamespace IN ('public'::regnamespace, 'private'::regnamespace)
            AND p.prokind IN ('f', 'p')
            AND p.prosrc ~ v_pattern
            AND NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_depend AS d
                WHERE
                    d.classid = 'pg_catalog.pg_proc'::regclass
                    AND d.objid = p.oid
                    AND d.deptype = 'e'
            )
        ORDER BY p.oid
    LOOP
        EXECUTE pg_catalog.regexp_replace(
            pg_catalog.pg_get_functiondef(v_function.oid), v_pattern, p_to || '.\1', 'g'
        );
        v_rewritten := v_rewritten + 1;
    END LOOP;
    RETURN v_rewritten;
END
$$;

COMMENT ON FUNCTION private.requalify(text[], name, name) IS
'For a change that moves functions, tables or types between schemas: re-creates (CREATE OR '
'REPLACE, so owner, grants and comments stay) every function of public and private whose '
'body names p_from.NAME for a NAME of p_names, naming p_to.NAME instead; returns how many '
'it re-created. Bodies name objects by text (search_path is empty in ours), unlike '
'policies, views, defaults, CHECKs and triggers, which follow a moved object by its oid.';

REVOKE ALL ON FUNCTION private.requalify(text[], name, name)
FROM public, anon, authenticated, service_role;

COMMIT;
