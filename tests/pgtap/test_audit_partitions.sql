-- The audit log's safety net (change audit_logs, reworked): a DEFAULT partition takes the
-- rows of a month without a partition, audit_log_partition_status() reports them and the
-- months ahead, and create_audit_log_partition(month) moves them into the month's partition.
-- The partitions, the default one included, and their maker are in schema private.
BEGIN;
SELECT plan(26);

-- The default partition.
SELECT is(
    (
        SELECT partdefid::regclass::text FROM pg_catalog.pg_partitioned_table
        WHERE partrelid = 'public.audit_logs'::regclass
    ),
    'private.audit_logs_default',
    'private.audit_logs_default is the default partition of public.audit_logs'
);
SELECT ok(
    (
        SELECT relrowsecurity
        FROM pg_catalog.pg_class
        WHERE oid = 'private.audit_logs_default'::regclass
    ),
    'the default partition has RLS enabled'
);
SELECT results_eq(
    $$SELECT tgname::text COLLATE "default", tgenabled::text FROM pg_catalog.pg_trigger
      WHERE tgrelid = 'private.audit_logs_default'::regclass ORDER BY tgname$$,
    $$VALUES ('audit_logs_refuse_change', 'A'), ('audit_logs_refuse_truncate', 'A')$$,
    'the default partition has both append-only triggers, enabled ALWAYS'
);
SELECT ok(
    NOT has_table_privilege('service_role', 'private.audit_logs_default', 'SELECT')
    AND NOT has_table_privilege('authenticated', 'private.audit_logs_default', 'SELECT'),
    'no API role reads the default partition directly'
);

-- A month without a partition: its rows are kept, not refused.
INSERT INTO public.audit_logs (id, entity_type, entity_id, action, after_state, created_at)
VALUES
(
    '6a000000-0000-4000-8000-000000000001', 'orders', 'p1', 'INSERT', '{"status": "PENDING"}',
    '2024-06-15 10:00:00+00'
),
(
    '6a000000-0000-4000-8000-000000000002', 'orders', 'p1', 'ACCESS', '{"purpose": "audit"}',
    '2024-06-30 23:59:59.999999+00'
),
(
    '6a000000-0000-4000-8000-000000000003', 'orders', 'p2', 'INSERT', '{"status": "PENDING"}',
    '2024-07-01 00:00:00+00'
);
INSERT INTO public.audit_logs (id, entity_type, entity_id, action, after_state, created_at)
VALUES (
    '6b000000-0000-4000-8000-000000000001', 'orders', 'p3', 'INSERT', '{"status": "PENDING"}',
    '2025-03-10 10:00:00+00'
);
SELECT results_eq(
    $$SELECT id::text, tableoid::regclass::text FROM public.audit_logs
      WHERE id::text LIKE '6a000000-%' ORDER BY id$$,
    $$VALUES ('6a000000-0000-4000-8000-000000000001', 'private.audit_logs_default'),
             ('6a000000-0000-4000-8000-000000000002', 'private.audit_logs_default'),
             ('6a000000-0000-4000-8000-000000000003', 'private.audit_logs_default')$$,
    'rows of months without a partition land in the default partition'
);
SELECT results_eq(
    $$SELECT default_rows, default_months FROM public.audit_log_partition_status()$$,
    $$VALUES (3::bigint, ARRAY['2024-06-01', '2024-07-01']::date[])$$,
    'audit_log_partition_status() reports the rows waiting and their months'
);
CREATE TEMPORARY TABLE t_before ON COMMIT DROP AS
SELECT to_jsonb(l) AS row FROM public.audit_logs AS l WHERE l.id::text LIKE '6a000000-%';

-- They stay append-only there.
SELECT throws_ok(
    $$DELETE FROM private.audit_logs_default WHERE id = '6a000000-0000-4000-8000-000000000001'$$,
    '42501',
    'audit_logs is append-only: DELETE is refused for every role, the owner included',
    'a row of the default partition cannot be deleted'
);
SELECT throws_ok(
    $$UPDATE public.audit_logs SET entity_id = 'x'
      WHERE id = '6a000000-0000-4000-8000-000000000001'$$,
    '42501',
    'audit_logs is append-only: UPDATE is refused for every role, the owner included',
    'nor updated'
);
SELECT throws_ok(
    $q$DO $x$
      BEGIN
          CREATE TABLE public.audit_logs_y2024m06 (LIKE public.audit_logs INCLUDING DEFAULTS);
          INSERT INTO public.audit_logs_y2024m06
          SELECT d.* FROM private.audit_logs_default AS d;
          DELETE FROM private.audit_logs_default
          WHERE id = '6a000000-0000-4000-8000-000000000001';
      END
      $x$$q$,
    '42501',
    'audit_logs is append-only: DELETE is refused for every role, the owner included',
    'nor deleted because a table of its month outside schema private holds an identical copy'
);
SELECT throws_ok(
    $q$DO $x$
      BEGIN
          CREATE TABLE private.audit_logs_y2024m06 (LIKE public.audit_logs INCLUDING DEFAULTS);
          INSERT INTO private.audit_logs_y2024m06
          SELECT d.id, d.actor_id, 'forged', d.entity_id, d.action, d.before_state,
                 d.after_state, d.created_at, d.actor_kind
          FROM private.audit_logs_default AS d;
          DELETE FROM private.audit_logs_default
          WHERE id = '6a000000-0000-4000-8000-000000000001';
      END
      $x$$q$,
    '42501',
    'audit_logs is append-only: DELETE is refused for every role, the owner included',
    'nor deleted because a table of its month holds an altered copy'
);
SELECT throws_ok(
    $q$DO $x$
      BEGIN
          CREATE TABLE private.audit_logs_y2025m03_copy (LIKE public.audit_logs);
          INSERT INTO private.audit_logs_y2025m03_copy SELECT * FROM private.audit_logs_y2025m03;
          DELETE FROM private.audit_logs_y2025m03;
      END
      $x$$q$,
    '42501',
    NULL,
    'a month''s partition never lets a row go, copy or not'
);

-- Making the month's partition moves them, unchanged.
SELECT is(
    private.create_audit_log_partition('2024-06-20'), TRUE, 'the June 2024 partition is made'
);
SELECT results_eq(
    $$SELECT id::text, tableoid::regclass::text FROM public.audit_logs
      WHERE id::text LIKE '6a000000-%' ORDER BY id$$,
    $$VALUES ('6a000000-0000-4000-8000-000000000001', 'private.audit_logs_y2024m06'),
             ('6a000000-0000-4000-8000-000000000002', 'private.audit_logs_y2024m06'),
             ('6a000000-0000-4000-8000-000000000003', 'private.audit_logs_default')$$,
    'June''s rows moved into their partition (the last microsecond of June included); '
    'July''s stay'
);
SELECT set_eq(
    $$SELECT to_jsonb(l) FROM public.audit_logs AS l WHERE l.id::text LIKE '6a000000-%'$$,
    $$SELECT row FROM t_before$$,
    'the moved rows are identical to what they were'
);
SELECT is(
    (SELECT count(*)::integer FROM private.audit_logs_default WHERE created_at < '2024-07-01'),
    0,
    'the default partition no longer holds June''s rows'
);
SELECT is(
    (
        SELECT relnamespace::regnamespace::text FROM pg_catalog.pg_class
        WHERE oid = 'private.audit_logs_y2024m06'::regclass
    ),
    'private',
    'the maker makes the partition in schema private'
);
SELECT results_eq(
    $$SELECT tgname::text COLLATE "default", tgenabled::text FROM pg_catalog.pg_trigger
      WHERE tgrelid = 'private.audit_logs_y2024m06'::regclass ORDER BY tgname$$,
    $$VALUES ('audit_logs_refuse_change', 'A'), ('audit_logs_refuse_truncate', 'A')$$,
    'the new partition has both append-only triggers, enabled ALWAYS'
);
SELECT ok(
    (
        SELECT relrowsecurity
        FROM pg_catalog.pg_class
        WHERE oid = 'private.audit_logs_y2024m06'::regclass
    )
    AND NOT has_table_privilege('service_role', 'private.audit_logs_y2024m06', 'SELECT'),
    'the new partition has RLS on and no grant'
);
SELECT throws_ok(
    $$DELETE FROM private.audit_logs_y2024m06$$,
    '42501',
    'audit_logs is append-only: DELETE is refused for every role, the owner included',
    'the moved rows are append-only in their new partition'
);
SELECT is(
    private.create_audit_log_partition('2024-06-01'), FALSE, 'making it again does nothing'
);
SELECT is(private.create_audit_log_partition('2024-07-01'), TRUE, 'July''s partition too');
SELECT results_eq(
    $$SELECT default_rows, default_months FROM public.audit_log_partition_status()$$,
    $$VALUES (0::bigint, '{}'::date[])$$,
    'the default partition is empty again'
);
SELECT is_empty(
    $$SELECT * FROM public.verify_audit_log_chain('2024-06-01')$$,
    'the moved rows still match their links in the hash chain'
);

-- Months ahead.
SELECT private.create_audit_log_partitions(5)::text;
SELECT results_eq(
    $$SELECT current_month, has_current_partition, months_ahead
      FROM public.audit_log_partition_status()$$,
    $$SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date, TRUE, 5$$,
    'after create_audit_log_partitions(5): the current month and five ahead'
);
SELECT is(
    (SELECT last_partition_month FROM public.audit_log_partition_status()),
    (
        SELECT max(to_date(substr(relname, 13, 4) || substr(relname, 18, 2), 'YYYYMM'))
        FROM pg_catalog.pg_class
        WHERE relnamespace = 'private'::regnamespace AND relname ~ '^audit_logs_y[0-9]{4}m[0-9]{2}$'
    ),
    'last_partition_month is the latest partition'
);
SELECT ok(
    NOT has_function_privilege('authenticated', 'public.audit_log_partition_status()', 'execute')
    AND has_function_privilege('service_role', 'public.audit_log_partition_status()', 'execute'),
    'the backend (monitoring) may read the status, signed-in users may not'
);

SELECT * FROM finish();
ROLLBACK;
