-- Deploy onemedi:audit_logs to pg
-- The append-only audit trail (design group G), range-partitioned by month of created_at,
-- with the functions that create its monthly partitions.

BEGIN;

CREATE TYPE public.audit_action AS ENUM ('INSERT', 'UPDATE', 'DELETE', 'ERASE', 'ACCESS');
COMMENT ON TYPE public.audit_action IS
'What an audit row records: a row INSERTed, UPDATEd or DELETEd, a person''s data ERASEd '
'(anonymised on request), or an ACCESS to sensitive data.';

CREATE TABLE public.audit_logs (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    actor_id uuid DEFAULT auth.uid(),
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    action public.audit_action NOT NULL,
    before_state jsonb,
    after_state jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id, created_at),
    CONSTRAINT audit_logs_entity_type_format CHECK (
        entity_type ~ '^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$' AND length(entity_type) <= 127
    ),
    CONSTRAINT audit_logs_entity_id_not_blank CHECK (btrim(entity_id) <> ''),
    CONSTRAINT audit_logs_states_match_action CHECK (
        CASE action
            WHEN 'INSERT' THEN before_state IS NULL AND after_state IS NOT NULL
            WHEN 'UPDATE' THEN before_state IS NOT NULL AND after_state IS NOT NULL
            WHEN 'DELETE' THEN before_state IS NOT NULL AND after_state IS NULL
            WHEN 'ERASE' THEN before_state IS NULL
            WHEN 'ACCESS' THEN before_state IS NULL
            ELSE FALSE
        END
    )
) PARTITION BY RANGE (created_at);

CREATE INDEX audit_logs_created_at_brin ON public.audit_logs USING brin (created_at);
CREATE INDEX audit_logs_entity_type_entity_id_created_at_idx
ON public.audit_logs (entity_type, entity_id, created_at);
CREATE INDEX audit_logs_actor_id_created_at_idx ON public.audit_logs (actor_id, created_at);

ALTER TABLE public.audit_logs ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.audit_logs IS
'Append-only audit trail: who did what to which record, with the states before and after '
'(design group G). No role, the owner included, can update, delete or truncate it; old '
'months leave only by dropping their partition. Partitioned by month of created_at (UTC).';
COMMENT ON COLUMN public.audit_logs.id IS
'Row id; unique together with created_at (a partitioned table''s key includes its '
'partition key).';
COMMENT ON COLUMN public.audit_logs.actor_id IS
'User who acted (auth.uid() of the request by default); NULL for the system. Deliberately '
'no foreign key: deleting or erasing a user must never remove or block its history.';
COMMENT ON COLUMN public.audit_logs.entity_type IS
'Table (or schema.table) of the record acted on, e.g. orders or auth.users.';
COMMENT ON COLUMN public.audit_logs.entity_id IS
'Key of the record acted on, as text (a uuid, a state code, or key parts joined by commas).';
COMMENT ON COLUMN public.audit_logs.before_state IS
'The record before the action (to_jsonb of the old row); NULL for INSERT, ERASE, ACCESS.';
COMMENT ON COLUMN public.audit_logs.after_state IS
'The record after the action; NULL for DELETE. For ERASE the anonymised state, for ACCESS '
'optional context (what was read and why).';
COMMENT ON COLUMN public.audit_logs.created_at IS
'When the action happened; the partition key.';
COMMENT ON CONSTRAINT audit_logs_entity_type_format ON public.audit_logs IS
'Refuses an entity type that is not a lower-case table name, optionally schema-qualified.';
COMMENT ON CONSTRAINT audit_logs_entity_id_not_blank ON public.audit_logs IS
'Refuses an empty or all-blank entity id.';
COMMENT ON CONSTRAINT audit_logs_states_match_action ON public.audit_logs IS
'Refuses states that contradict the action: INSERT has only an after state, UPDATE both, '
'DELETE only a before state; ERASE and ACCESS never carry a before state (an erasure must '
'not keep the erased data in the log).';

GRANT SELECT ON public.audit_logs TO authenticated;
GRANT SELECT, INSERT ON public.audit_logs TO service_role;

CREATE FUNCTION public.audit_logs_refuse_change()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = '42501',
        MESSAGE = pg_catalog.format(
            'audit_logs is append-only: %s is refused for every role, the owner included',
            TG_OP
        ),
        DETAIL = CASE
            WHEN TG_LEVEL = 'ROW'
                THEN pg_catalog.format('Audit row %s of %s.', OLD.id, OLD.created_at)
            ELSE pg_catalog.format('Relation %I.%I.', TG_TABLE_SCHEMA, TG_TABLE_NAME)
        END,
        HINT = 'Record a correction as a new audit row; old months leave by dropping '
        'their partition under the retention policy.';
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION public.audit_logs_refuse_change() IS
'Trigger of audit_logs and each of its partitions (BEFORE UPDATE OR DELETE per row, BEFORE '
'TRUNCATE per statement, enabled ALWAYS so session_replication_role = replica does not '
'skip it): always raises 42501, for every role including the owner and superusers.';

REVOKE EXECUTE ON FUNCTION public.audit_logs_refuse_change() FROM public;

CREATE TRIGGER audit_logs_refuse_change
BEFORE UPDATE OR DELETE ON public.audit_logs
FOR EACH ROW EXECUTE FUNCTION public.audit_logs_refuse_change();
CREATE TRIGGER audit_logs_refuse_truncate
BEFORE TRUNCATE ON public.audit_logs
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_logs_refuse_change();
ALTER TABLE public.audit_logs ENABLE ALWAYS TRIGGER audit_logs_refuse_change;
ALTER TABLE public.audit_logs ENABLE ALWAYS TRIGGER audit_logs_refuse_truncate;

CREATE FUNCTION public.create_audit_log_partition(p_month date)
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_start date;
    v_end date;
    v_name text;
BEGIN
    IF p_month IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'create_audit_log_partition: p_month must not be NULL',
            HINT = 'Pass any day of the month whose partition is wanted.';
    END IF;
    v_start := p_month - (pg_catalog.date_part('day', p_month)::integer - 1);
    v_end := (v_start + INTERVAL '1 month')::date;
    v_name := 'audit_logs_y' || pg_catalog.to_char(v_start, 'YYYY')
    || 'm' || pg_catalog.to_char(v_start, 'MM');
    -- Two concurrent callers must not both try to create the same partition.
    PERFORM pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('public.audit_logs partitions', 0)
    );
    IF pg_catalog.to_regclass('public.' || v_name) IS NOT NULL THEN
        IF NOT EXISTS (
            SELECT 1
            FROM pg_catalog.pg_inherits AS i
            WHERE
                i.inhrelid = pg_catalog.to_regclass('public.' || v_name)
                AND i.inhparent = 'public.audit_logs'::regclass
        ) THEN
            RAISE EXCEPTION USING
                ERRCODE = '42P07',
                MESSAGE = pg_catalog.format(
                    'relation public.%s exists but is not a partition of public.audit_logs',
                    v_name
                ),
                HINT = 'Rename or drop that relation, then call the function again.';
        END IF;
        RETURN FALSE;
    END IF;
    -- Bounds are UTC instants, whatever the session's TimeZone.
    EXECUTE pg_catalog.format(
        'CREATE TABLE public.%I PARTITION OF public.audit_logs FOR VALUES FROM (%L) TO (%L)',
        v_name,
        pg_catalog.to_char(v_start, 'YYYY-MM-DD') || ' 00:00:00+00',
        pg_catalog.to_char(v_end, 'YYYY-MM-DD') || ' 00:00:00+00'
    );
    -- A partition queried directly does not apply the parent's policies: deny by default.
    EXECUTE pg_catalog.format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', v_name);
    -- Row triggers are cloned from the parent; statement (TRUNCATE) triggers are not.
    EXECUTE pg_catalog.format(
        'CREATE TRIGGER audit_logs_refuse_truncate BEFORE TRUNCATE ON public.%I '
        'FOR EACH STATEMENT EXECUTE FUNCTION public.audit_logs_refuse_change()',
        v_name
    );
    EXECUTE pg_catalog.format(
        'ALTER TABLE public.%I ENABLE ALWAYS TRIGGER audit_logs_refuse_change', v_name
    );
    EXECUTE pg_catalog.format(
        'ALTER TABLE public.%I ENABLE ALWAYS TRIGGER audit_logs_refuse_truncate', v_name
    );
    EXECUTE pg_catalog.format(
        'COMMENT ON TABLE public.%I IS %L',
        v_name,
        'Partition of public.audit_logs: rows created in '
        || pg_catalog.to_char(v_start, 'YYYY-MM') || ' (UTC).'
    );
    RETURN TRUE;
END;
$$;

COMMENT ON FUNCTION public.create_audit_log_partition(date) IS
'Creates the partition public.audit_logs_yYYYYmMM for the UTC month containing p_month, '
'with RLS enabled and the append-only triggers; returns true if it created it, false if it '
'already existed (idempotent). Raises 22004 for a NULL month, 42P07 when a relation of that '
'name exists but is not a partition of audit_logs. Must run as the owner of audit_logs.';

REVOKE EXECUTE ON FUNCTION public.create_audit_log_partition(date) FROM public;

CREATE FUNCTION public.create_audit_log_partitions(p_months_ahead integer DEFAULT 3)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_this_month date := pg_catalog.date_trunc(
        'month', pg_catalog.now() AT TIME ZONE 'UTC'
    )::date;
    v_created integer := 0;
BEGIN
    IF p_months_ahead IS NULL OR p_months_ahead NOT BETWEEN 0 AND 36 THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'create_audit_log_partitions: p_months_ahead must be 0 to 36, got %s',
                coalesce(p_months_ahead::text, 'NULL')
            ),
            HINT = 'Schedule the function monthly with a small look-ahead (default 3).';
    END IF;
    FOR i IN 0 .. p_months_ahead LOOP
        IF public.create_audit_log_partition(
            (v_this_month + pg_catalog.make_interval(months => i))::date
        ) THEN
            v_created := v_created + 1;
        END IF;
    END LOOP;
    RETURN v_created;
END;
$$;

COMMENT ON FUNCTION public.create_audit_log_partitions(integer) IS
'Creates the audit_logs partitions of the current UTC month and the p_months_ahead next '
'ones, skipping those that exist; returns how many it created (0 on a re-run). Raises 22023 '
'when p_months_ahead is NULL or outside 0..36. Run it monthly as the owner of audit_logs '
'(pg_cron): there is no default partition, so a row of a month without one is refused.';

REVOKE EXECUTE ON FUNCTION public.create_audit_log_partitions(integer) FROM public;

-- Partitions from January 2025 (demo and migrated history) to the current month and three
-- ahead.
DO $partitions$
BEGIN
    PERFORM public.create_audit_log_partition(m::date)
    FROM
        pg_catalog.generate_series(
            DATE '2025-01-01', pg_catalog.now() AT TIME ZONE 'UTC', INTERVAL '1 month'
        ) AS m;
    PERFORM public.create_audit_log_partitions(3);
END
$partitions$;

COMMIT;
