-- Revert onemedi:audit_logs from pg
-- Back to v1.0.0: no default partition, the maker without the move, the strict trigger,
-- and the partitions and those functions in schema public again.

BEGIN;

-- Dropping the default partition with rows in it would lose audit rows: move them first.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM private.audit_logs_default) THEN
        RAISE EXCEPTION USING
            ERRCODE = '55000',
            MESSAGE = 'audit_logs_default holds audit rows: reverting would drop them',
            HINT = 'Run SELECT * FROM public.audit_log_partition_status() and '
            'private.create_audit_log_partition(month) for each month listed, then revert.';
    END IF;
END
$$;

DROP FUNCTION public.audit_log_partition_status();
DROP TABLE private.audit_logs_default;

CREATE OR REPLACE FUNCTION private.create_audit_log_partition(p_month date)
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

COMMENT ON FUNCTION private.create_audit_log_partition(date) IS
'Creates the partition public.audit_logs_yYYYYmMM for the UTC month containing p_month, '
'with RLS enabled and the append-only triggers; returns true if it created it, false if it '
'already existed (idempotent). Raises 22004 for a NULL month, 42P07 when a relation of that '
'name exists but is not a partition of audit_logs. Must run as the owner of audit_logs.';

COMMENT ON FUNCTION private.create_audit_log_partitions(integer) IS
'Creates the audit_logs partitions of the current UTC month and the p_months_ahead next '
'ones, skipping those that exist; returns how many it created (0 on a re-run). Raises 22023 '
'when p_months_ahead is NULL or outside 0..36. Run it monthly as the owner of audit_logs '
'(pg_cron): there is no default partition, so a row of a month without one is refused.';

CREATE OR REPLACE FUNCTION private.audit_logs_refuse_change()
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

COMMENT ON FUNCTION private.audit_logs_refuse_change() IS
'Trigger of audit_logs and each of its partitions (BEFORE UPDATE OR DELETE per row, BEFORE '
'TRUNCATE per statement, enabled ALWAYS so session_replication_role = replica does not '
'skip it): always raises 42501, for every role including the owner and superusers.';

ALTER FUNCTION private.audit_logs_refuse_change() SET SCHEMA public;
ALTER FUNCTION private.create_audit_log_partition(date) SET SCHEMA public;
ALTER FUNCTION private.create_audit_log_partitions(integer) SET SCHEMA public;
SELECT private.requalify(
    ARRAY['audit_logs_refuse_change', 'create_audit_log_partition', 'create_audit_log_partitions'],
    'private',
    'public'
);

-- Every month, those v1.0.0 made and those made since, back beside their parent.
DO $move$
DECLARE
    v_partition text;
BEGIN
    FOR v_partition IN
        SELECT c.relname
        FROM pg_catalog.pg_inherits AS i
        INNER JOIN pg_catalog.pg_class AS c ON i.inhrelid = c.oid
        WHERE
            i.inhparent = 'public.audit_logs'::regclass
            AND c.relnamespace = 'private'::regnamespace
        ORDER BY c.relname
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE private.%I SET SCHEMA public', v_partition);
    END LOOP;
END
$move$;

COMMIT;
