-- Deploy onemedi:audit_logs to pg
-- requires: audit_logs@v1.0.0
-- requires: private_schema
-- requires: audit_actor
-- A safety net under the monthly partitions: a DEFAULT partition takes the rows of a month
-- whose partition was not made in time (checkout no longer fails with "no partition of
-- relation audit_logs found for row"), create_audit_log_partition moves them to their
-- month's partition when it is made, and audit_log_partition_status() tells monitoring (and
-- `onemedi-db doctor`) when the default holds rows or fewer than two months lie ahead.
-- The partitions, the default one included, and the functions that make and guard them are
-- no API: they live in schema private, which the Data API does not expose (issue 14). The
-- parent public.audit_logs stays where the design names it; a partition may live in another
-- schema than its parent.

BEGIN;

-- The months v1.0.0 made, with their indexes, triggers and comments.
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
            AND c.relnamespace = 'public'::regnamespace
        ORDER BY c.relname
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE public.%I SET SCHEMA private', v_partition);
        -- As the partition maker does from here on (a no-op where nothing was granted).
        EXECUTE pg_catalog.format(
            'REVOKE ALL ON private.%I FROM public, anon, authenticated, service_role',
            v_partition
        );
    END LOOP;
END
$move$;

-- The triggers of audit_logs and its partitions follow their function by oid;
-- create_audit_log_partitions names create_audit_log_partition by text.
ALTER FUNCTION public.audit_logs_refuse_change() SET SCHEMA private;
ALTER FUNCTION public.create_audit_log_partition(date) SET SCHEMA private;
ALTER FUNCTION public.create_audit_log_partitions(integer) SET SCHEMA private;
SELECT private.requalify(
    ARRAY['audit_logs_refuse_change', 'create_audit_log_partition', 'create_audit_log_partitions'],
    'public',
    'private'
);

CREATE OR REPLACE FUNCTION private.audit_logs_refuse_change()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_month_table text;
    v_copied boolean := FALSE;
BEGIN
    -- The one DELETE allowed: create_audit_log_partition moving a row of the DEFAULT
    -- partition into the table of its month, which is not attached yet and already holds
    -- an identical copy of it. Nothing is lost: the row is attached again with its table.
    IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND TG_TABLE_SCHEMA = 'private'
        AND TG_TABLE_NAME = 'audit_logs_default' THEN
        v_month_table := 'audit_logs_'
        || pg_catalog.to_char(OLD.created_at AT TIME ZONE 'UTC', '"y"YYYY"m"MM');
        IF pg_catalog.to_regclass('private.' || v_month_table) IS NOT NULL AND NOT EXISTS (
            SELECT 1
            FROM pg_catalog.pg_inherits AS i
            WHERE i.inhrelid = pg_catalog.to_regclass('private.' || v_month_table)
        ) THEN
            EXECUTE pg_catalog.format(
                'SELECT EXISTS (SELECT 1 FROM private.%I AS c WHERE c.id = $1 '
                'AND c.created_at = $2 AND pg_catalog.to_jsonb(c) = $3)',
                v_month_table
            )
            INTO v_copied
            USING OLD.id, OLD.created_at, pg_catalog.to_jsonb(OLD);
        END IF;
        IF v_copied THEN
            RETURN OLD;
        END IF;
    END IF;
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
'skip it): raises 42501, for every role including the owner and superusers. The one '
'exception: a DELETE from private.audit_logs_default of a row whose identical copy is in '
'the not yet attached table private.audit_logs_yYYYYmMM of its month '
'(create_audit_log_partition moving it there).';

REVOKE ALL ON FUNCTION private.audit_logs_refuse_change()
FROM public, anon, authenticated, service_role;

-- The safety net. Rows of a month without a partition land here instead of failing the
-- transaction that wrote them (every checkout writes audit rows).
CREATE TABLE private.audit_logs_default PARTITION OF public.audit_logs DEFAULT;
-- Row triggers are cloned from the parent (ALWAYS, as there); statement triggers are not.
CREATE TRIGGER audit_logs_refuse_truncate
BEFORE TRUNCATE ON private.audit_logs_default
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_logs_refuse_change();
ALTER TABLE private.audit_logs_default
ENABLE ROW LEVEL SECURITY,
ENABLE ALWAYS TRIGGER audit_logs_refuse_truncate;
COMMENT ON TABLE private.audit_logs_default IS
'DEFAULT partition of public.audit_logs: rows of a month that had no partition yet. Meant '
'to stay empty: audit_log_partition_status() and `onemedi-db doctor` report rows here, and '
'private.create_audit_log_partition(month) moves them into the month''s partition.';
REVOKE ALL ON private.audit_logs_default FROM public, anon, authenticated, service_role;

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
    v_from text;
    v_to text;
    v_held boolean := FALSE;
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
    -- Bounds are UTC instants, whatever the session's TimeZone.
    v_from := pg_catalog.to_char(v_start, 'YYYY-MM-DD') || ' 00:00:00+00';
    v_to := pg_catalog.to_char(v_end, 'YYYY-MM-DD') || ' 00:00:00+00';
    -- Two concurrent callers must not both try to create the same partition.
    PERFORM pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('public.audit_logs partitions', 0)
    );
    IF pg_catalog.to_regclass('private.' || v_name) IS NOT NULL THEN
        IF NOT EXISTS (
            SELECT 1
            FROM pg_catalog.pg_inherits AS i
            WHERE
                i.inhrelid = pg_catalog.to_regclass('private.' || v_name)
                AND i.inhparent = 'public.audit_logs'::regclass
        ) THEN
            RAISE EXCEPTION USING
                ERRCODE = '42P07',
                MESSAGE = pg_catalog.format(
                    'relation private.%s exists but is not a partition of public.audit_logs',
                    v_name
                ),
                HINT = 'Rename or drop that relation, then call the function again.';
        END IF;
        RETURN FALSE;
    END IF;
    IF pg_catalog.to_regclass('private.audit_logs_default') IS NOT NULL THEN
        -- No new row may land in the default partition while its rows of this month move.
        LOCK TABLE private.audit_logs_default IN SHARE ROW EXCLUSIVE MODE;
        SELECT EXISTS (
            SELECT 1
            FROM private.audit_logs_default AS d
            WHERE d.created_at >= v_from::timestamptz AND d.created_at < v_to::timestamptz
        )
        INTO v_held;
    END IF;
    -- The month's table is built in private and attached when complete: RLS on and
    -- its TRUNCATE trigger ALWAYS before it is a partition (statement triggers are not
    -- cloned; row triggers are, with the parent's ALWAYS), so that no DDL event ever sees
    -- a half-made partition (change audit_ddl_guard checks each one), and ATTACH locks the
    -- parent less than CREATE TABLE ... PARTITION OF would.
    EXECUTE pg_catalog.format(
        'CREATE TABLE private.%I (LIKE public.audit_logs INCLUDING DEFAULTS '
        'INCLUDING CONSTRAINTS)',
        v_name
    );
    EXECUTE pg_catalog.format(
        'CREATE TRIGGER audit_logs_refuse_truncate BEFORE TRUNCATE ON private.%I '
        'FOR EACH STATEMENT EXECUTE FUNCTION private.audit_logs_refuse_change()',
        v_name
    );
    EXECUTE pg_catalog.format(
        'ALTER TABLE private.%I ENABLE ROW LEVEL SECURITY, '
        'ENABLE ALWAYS TRIGGER audit_logs_refuse_truncate',
        v_name
    );
    IF v_held THEN
        -- PostgreSQL refuses a partition whose rows sit in the default partition: move them
        -- (an identical copy first, so that the append-only trigger lets them go).
        EXECUTE pg_catalog.format(
            'INSERT INTO private.%I SELECT d.* FROM private.audit_logs_default AS d '
            'WHERE d.created_at >= %L AND d.created_at < %L',
            v_name, v_from, v_to
        );
        EXECUTE pg_catalog.format(
            'DELETE FROM private.audit_logs_default AS d '
            'WHERE d.created_at >= %L AND d.created_at < %L',
            v_from, v_to
        );
    END IF;
    EXECUTE pg_catalog.format(
        'ALTER TABLE public.audit_logs ATTACH PARTITION private.%I FOR VALUES FROM (%L) '
        'TO (%L)',
        v_name, v_from, v_to
    );
    -- A partition queried directly does not apply the parent's policies: no grants at all.
    EXECUTE pg_catalog.format(
        'REVOKE ALL ON private.%I FROM public, anon, authenticated, service_role', v_name
    );
    EXECUTE pg_catalog.format(
        'COMMENT ON TABLE private.%I IS %L',
        v_name,
        'Partition of public.audit_logs: rows created in '
        || pg_catalog.to_char(v_start, 'YYYY-MM') || ' (UTC).'
    );
    RETURN TRUE;
END;
$$;

COMMENT ON FUNCTION private.create_audit_log_partition(date) IS
'Creates the partition private.audit_logs_yYYYYmMM of public.audit_logs for the UTC month '
'containing p_month, with RLS enabled, no grant and the append-only triggers; returns true '
'if it created it, false if it already existed (idempotent). The month''s table is built '
'in private and attached when complete; rows of that month waiting in audit_logs_default '
'are moved into it first, under a lock that holds new rows of the default partition back '
'meanwhile. Raises 22004 for a NULL month, 42P07 when a relation of that name exists in '
'private but is not a partition of audit_logs. Must run as the owner of audit_logs.';

COMMENT ON FUNCTION private.create_audit_log_partitions(integer) IS
'Creates the audit_logs partitions of the current UTC month and the p_months_ahead next '
'ones, skipping those that exist; returns how many it created (0 on a re-run). Raises 22023 '
'when p_months_ahead is NULL or outside 0..36. Scheduled daily by pg_cron where it is '
'installed (change audit_log_partition_schedule), as the owner of audit_logs; a month it '
'missed lands in audit_logs_default until its partition is made.';

REVOKE ALL ON FUNCTION private.create_audit_log_partition(date)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.create_audit_log_partitions(integer)
FROM public, anon, authenticated, service_role;

CREATE FUNCTION public.audit_log_partition_status()
RETURNS TABLE (
    current_month date,
    has_current_partition boolean,
    months_ahead integer,
    last_partition_month date,
    default_rows bigint,
    default_months date[]
)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_months date[];
BEGIN
    current_month := pg_catalog.date_trunc('month', pg_catalog.now() AT TIME ZONE 'UTC')::date;
    SELECT
        coalesce(
            pg_catalog.array_agg(
                pg_catalog.to_date(pg_catalog.substr(c.relname, 13, 4)
                || pg_catalog.substr(c.relname, 18, 2), 'YYYYMM')
                ORDER BY c.relname
            ),
            '{}'
        )
    INTO v_months
    FROM pg_catalog.pg_inherits AS i
    INNER JOIN pg_catalog.pg_class AS c ON i.inhrelid = c.oid
    WHERE
        i.inhparent = 'public.audit_logs'::regclass
        AND c.relname ~ '^audit_logs_y[0-9]{4}m[0-9]{2}$';
    has_current_partition := current_month = ANY (v_months);
    last_partition_month := v_months[pg_catalog.cardinality(v_months)];
    months_ahead := 0;
    WHILE (current_month + pg_catalog.make_interval(months => months_ahead + 1))::date
        = ANY (v_months) LOOP
        months_ahead := months_ahead + 1;
    END LOOP;
    IF pg_catalog.to_regclass('private.audit_logs_default') IS NULL THEN
        default_rows := NULL;
        default_months := NULL;
    ELSE
        SELECT
            pg_catalog.count(*),
            coalesce(
                pg_catalog.array_agg(DISTINCT pg_catalog.date_trunc(
                    'month', d.created_at AT TIME ZONE 'UTC'
                )::date),
                '{}'
            )
        INTO default_rows, default_months
        FROM private.audit_logs_default AS d;
    END IF;
    RETURN NEXT;
END;
$$;

COMMENT ON FUNCTION public.audit_log_partition_status() IS
'One row for monitoring the audit log''s partitions: the current UTC month and whether it '
'has a partition, months_ahead (consecutive months after it that have one; warn below 2), '
'the last partitioned month, and the rows waiting in audit_logs_default with their months '
'(each one fixed by private.create_audit_log_partition(month)); default_rows is NULL when '
'there is no default partition. An RPC of the backend (service_role, monitoring through the '
'Data API), so in public; SECURITY DEFINER: the partitions, in private, have no grants. '
'Raises nothing.';

REVOKE ALL ON FUNCTION public.audit_log_partition_status()
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.audit_log_partition_status() TO service_role;

COMMIT;
