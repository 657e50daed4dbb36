-- audit_logs (group G): append-only for every role, owner and superuser included;
-- partitioned by UTC month; partitions made by create_audit_log_partitions(), with a
-- DEFAULT partition (change audit_logs, reworked) for months that have none. The parent is
-- in public (the design names it); its partitions and their maker in private.
BEGIN;
SELECT plan(61);

-- Structure.
SELECT has_table('public', 'audit_logs', 'table audit_logs exists');
SELECT is_partitioned('public', 'audit_logs', 'audit_logs is partitioned');
SELECT is(
    (
        SELECT pg_catalog.pg_get_partkeydef('public.audit_logs'::regclass)
    ),
    'RANGE (created_at)',
    'audit_logs is partitioned by range of created_at'
);
SELECT is(
    (
        SELECT partdefid::regclass::text FROM pg_catalog.pg_partitioned_table
        WHERE partrelid = 'public.audit_logs'::regclass
    ),
    'private.audit_logs_default',
    'audit_logs has the default partition private.audit_logs_default'
);
SELECT col_is_pk('public', 'audit_logs', ARRAY['id', 'created_at'], 'key is (id, created_at)');
SELECT enum_has_labels(
    'public', 'audit_action', ARRAY['INSERT', 'UPDATE', 'DELETE', 'ERASE', 'ACCESS'],
    'audit_action is the closed set of actions'
);
SELECT col_type_is('public', 'audit_logs', 'action', 'audit_action', 'action is audit_action');
SELECT col_not_null('public', 'audit_logs', 'action', 'action is NOT NULL');
SELECT col_not_null('public', 'audit_logs', 'entity_type', 'entity_type is NOT NULL');
SELECT col_not_null('public', 'audit_logs', 'entity_id', 'entity_id is NOT NULL');
SELECT col_is_null('public', 'audit_logs', 'actor_id', 'actor_id is NULL for the system');
SELECT col_type_is('public', 'audit_logs', 'before_state', 'jsonb', 'before_state is jsonb');
SELECT col_type_is('public', 'audit_logs', 'after_state', 'jsonb', 'after_state is jsonb');
SELECT hasnt_fk('public', 'audit_logs', 'audit_logs has no foreign key (history outlives users)');
SELECT has_index(
    'public', 'audit_logs', 'audit_logs_created_at_brin', ARRAY['created_at'],
    'BRIN index on created_at exists'
);
SELECT index_is_type('public', 'audit_logs', 'audit_logs_created_at_brin', 'brin');
SELECT has_index(
    'public', 'audit_logs', 'audit_logs_entity_type_entity_id_created_at_idx',
    ARRAY['entity_type', 'entity_id', 'created_at']
);
SELECT table_privs_are('public', 'audit_logs', 'anon', ARRAY[]::text[]);
SELECT table_privs_are('public', 'audit_logs', 'authenticated', ARRAY['SELECT']);
SELECT table_privs_are('public', 'audit_logs', 'service_role', ARRAY['SELECT']);
SELECT is(
    (
        SELECT bool_and(c.relrowsecurity) AND count(*) > 1
        FROM pg_catalog.pg_class AS c
        WHERE
            c.oid = 'public.audit_logs'::regclass
            OR c.oid IN (
                SELECT i.inhrelid FROM pg_catalog.pg_inherits AS i
                WHERE i.inhparent = 'public.audit_logs'::regclass
            )
    ),
    TRUE,
    'audit_logs and every partition have RLS enabled'
);
SELECT is(
    (
        SELECT count(*)::integer
        FROM pg_catalog.pg_inherits AS i
        WHERE
            i.inhparent = 'public.audit_logs'::regclass
            AND (
                SELECT count(*) FROM pg_catalog.pg_trigger AS t
                WHERE
                    t.tgrelid = i.inhrelid
                    AND t.tgname IN ('audit_logs_refuse_change', 'audit_logs_refuse_truncate')
                    AND t.tgenabled = 'A'
            ) <> 2
    ),
    0,
    'every partition has both append-only triggers, enabled ALWAYS'
);
SELECT is(
    (
        SELECT array_agg(DISTINCT c.relnamespace::regnamespace::text)
        FROM pg_catalog.pg_inherits AS i
        INNER JOIN pg_catalog.pg_class AS c ON i.inhrelid = c.oid
        WHERE i.inhparent = 'public.audit_logs'::regclass
    ),
    ARRAY['private'],
    'every partition of audit_logs, v1.0.0''s months included, is a table of schema private'
);
SELECT is_empty(
    $$SELECT c.relname FROM pg_catalog.pg_class AS c
      WHERE
          c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
          AND c.relname ~ '^audit_logs_'$$,
    'no audit partition is left in public (the Data API exposes public)'
);
SELECT ok(
    pg_catalog.to_regclass('private.audit_logs_y2025m01') IS NOT NULL,
    'the deploy created partitions back to January 2025'
);
SELECT ok(
    pg_catalog.to_regclass(
        'private.audit_logs_' || pg_catalog.to_char(now() AT TIME ZONE 'UTC', '"y"YYYY"m"MM')
    ) IS NOT NULL,
    'the deploy created the current month''s partition'
);

-- Writing rows.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a5b00000-0000-4000-8000-000000000001", "role": "service_role"}',
    TRUE
);
SET LOCAL ROLE service_role;
SELECT throws_ok(
    $$INSERT INTO public.audit_logs (id, entity_type, entity_id, action, after_state)
      VALUES ('65b00000-0000-4000-8000-000000000001', 'orders',
              '75b00000-0000-4000-8000-000000000001', 'INSERT', '{"status": "PENDING"}')$$,
    '42501',
    'permission denied for table audit_logs',
    'service_role may not write audit rows: only the database''s triggers do (audit_trail)'
);
SELECT throws_ok(
    $$UPDATE public.audit_logs SET entity_id = 'x'$$,
    '42501',
    'permission denied for table audit_logs',
    'service_role has no UPDATE privilege'
);
SELECT throws_ok(
    $$DELETE FROM public.audit_logs$$,
    '42501',
    'permission denied for table audit_logs',
    'service_role has no DELETE privilege'
);
RESET ROLE;
-- The table owner writes as the audit triggers do; the actor comes from the JWT claims.
INSERT INTO public.audit_logs (id, entity_type, entity_id, action, after_state)
VALUES (
    '65b00000-0000-4000-8000-000000000001', 'orders',
    '75b00000-0000-4000-8000-000000000001', 'INSERT', '{"status": "PENDING"}'
);
SELECT is(
    (SELECT actor_id FROM public.audit_logs WHERE id = '65b00000-0000-4000-8000-000000000001'),
    'a5b00000-0000-4000-8000-000000000001'::uuid,
    'actor_id defaults to auth.uid()'
);
SELECT set_config('request.jwt.claims', '', TRUE);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action)
      VALUES ('orders', 'x', 'ACCESS')$$,
    '42501',
    'permission denied for table audit_logs',
    'authenticated may not insert audit rows'
);
RESET ROLE;

SELECT lives_ok(
    $$INSERT INTO public.audit_logs
      (id, entity_type, entity_id, action, before_state, after_state, created_at) VALUES
      ('65b00000-0000-4000-8000-000000000002', 'orders', '75b00000-0000-4000-8000-000000000001',
       'UPDATE', '{"status": "PENDING"}', '{"status": "PAID"}', '2025-03-15 10:00:00+00'),
      ('65b00000-0000-4000-8000-000000000003', 'orders', '75b00000-0000-4000-8000-000000000001',
       'DELETE', '{"status": "PAID"}', NULL, '2025-03-31 23:30:00+00'),
      ('65b00000-0000-4000-8000-000000000004', 'profiles', 'a5b00000-0000-4000-8000-00000000000f',
       'ERASE', NULL, '{"full_name": null}', '2025-03-31 23:30:00-05'),
      ('65b00000-0000-4000-8000-000000000005', 'auth.users', 'a5b00000-0000-4000-8000-00000000000f',
       'ACCESS', NULL, NULL, '2025-04-02 12:00:00+05:30')$$,
    'rows of each action with consistent states are accepted (the system has no actor)'
);
SELECT results_eq(
    $$SELECT id::text, tableoid::regclass::text FROM public.audit_logs
      WHERE id IN ('65b00000-0000-4000-8000-000000000002', '65b00000-0000-4000-8000-000000000003',
                   '65b00000-0000-4000-8000-000000000004', '65b00000-0000-4000-8000-000000000005')
      ORDER BY id$$,
    $$VALUES
      ('65b00000-0000-4000-8000-000000000002', 'private.audit_logs_y2025m03'),
      ('65b00000-0000-4000-8000-000000000003', 'private.audit_logs_y2025m03'),
      ('65b00000-0000-4000-8000-000000000004', 'private.audit_logs_y2025m04'),
      ('65b00000-0000-4000-8000-000000000005', 'private.audit_logs_y2025m04')$$,
    'rows land in the partition of their UTC month'
);
SELECT lives_ok(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state, created_at)
      VALUES ('orders', 'x', 'INSERT', '{}', '2024-12-31 23:59:59+00')$$,
    'a row older than the oldest partition is kept (in the default partition)'
);
SELECT throws_like(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state)
      VALUES ('orders', 'x', 'UPDATE', '{}')$$,
    '%violates check constraint "audit_logs_states_match_action"',
    'an UPDATE row without a before state is refused'
);
SELECT throws_like(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action, before_state)
      VALUES ('profiles', 'x', 'ERASE', '{"full_name": "Asha"}')$$,
    '%violates check constraint "audit_logs_states_match_action"',
    'an ERASE row keeping the erased data is refused'
);
SELECT throws_like(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state)
      VALUES ('Orders Table', 'x', 'INSERT', '{}')$$,
    '%violates check constraint "audit_logs_entity_type_format"',
    'a malformed entity type is refused'
);
SELECT throws_like(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state)
      VALUES ('orders', ' ', 'INSERT', '{}')$$,
    '%violates check constraint "audit_logs_entity_id_not_blank"',
    'a blank entity id is refused'
);

-- Append-only, even for the owner running with RLS bypassed: `postgres` on Supabase (not a
-- superuser there; the harness runs every test as that role), or a superuser elsewhere.
SELECT ok(
    (SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user),
    'these checks run as a role that bypasses RLS (postgres on Supabase, or a superuser)'
);
SELECT is(
    (SELECT tableowner::text FROM pg_catalog.pg_tables WHERE tablename = 'audit_logs'),
    current_user::text,
    'these checks run as the owner of audit_logs'
);
SELECT throws_ok(
    $$UPDATE public.audit_logs SET entity_id = 'tampered'
      WHERE id = '65b00000-0000-4000-8000-000000000002'$$,
    '42501',
    'audit_logs is append-only: UPDATE is refused for every role, the owner included',
    'UPDATE is refused to the owner'
);
SELECT throws_ok(
    $$UPDATE public.audit_logs SET created_at = '2025-05-01 00:00:00+00'
      WHERE id = '65b00000-0000-4000-8000-000000000002'$$,
    '42501',
    'audit_logs is append-only: UPDATE is refused for every role, the owner included',
    'moving a row to another partition is refused'
);
SELECT throws_ok(
    $$DELETE FROM public.audit_logs WHERE id = '65b00000-0000-4000-8000-000000000002'$$,
    '42501',
    'audit_logs is append-only: DELETE is refused for every role, the owner included',
    'DELETE is refused to the owner'
);
SELECT throws_ok(
    $$DELETE FROM private.audit_logs_y2025m03$$,
    '42501',
    'audit_logs is append-only: DELETE is refused for every role, the owner included',
    'DELETE straight from a partition is refused'
);
SELECT throws_ok(
    $$TRUNCATE public.audit_logs$$,
    '42501',
    'audit_logs is append-only: TRUNCATE is refused for every role, the owner included',
    'TRUNCATE is refused'
);
SELECT throws_ok(
    $$TRUNCATE private.audit_logs_y2025m04$$,
    '42501',
    'audit_logs is append-only: TRUNCATE is refused for every role, the owner included',
    'TRUNCATE of a partition is refused'
);
SELECT set_config('session_replication_role', 'replica', TRUE);
SELECT throws_ok(
    $$DELETE FROM public.audit_logs WHERE id = '65b00000-0000-4000-8000-000000000003'$$,
    '42501',
    'audit_logs is append-only: DELETE is refused for every role, the owner included',
    'DELETE is refused even with session_replication_role = replica'
);
SELECT set_config('session_replication_role', 'origin', TRUE);
SELECT is(
    (
        SELECT count(*)::integer FROM public.audit_logs
        WHERE id::text LIKE '65b00000-0000-4000-8000-00000000000_'
    ),
    5,
    'every audit row is still there'
);

-- The partition functions.
SELECT has_function(
    'private', 'create_audit_log_partitions', ARRAY['integer'],
    'private.create_audit_log_partitions(integer) exists'
);
SELECT ok(
    NOT has_function_privilege(
        'service_role', 'private.create_audit_log_partitions(integer)', 'execute'
    ),
    'API roles may not create partitions'
);
SELECT ok(
    private.create_audit_log_partitions(5) BETWEEN 0 AND 6,
    'create_audit_log_partitions(5) creates the missing months'
);
SELECT is(private.create_audit_log_partitions(5), 0, 'a second call creates nothing');
SELECT is(
    (
        SELECT count(*)::integer
        FROM pg_catalog.generate_series(0, 5) AS n
        WHERE pg_catalog.to_regclass(
            'private.audit_logs_' || pg_catalog.to_char(
                (now() AT TIME ZONE 'UTC') + pg_catalog.make_interval(months => n),
                '"y"YYYY"m"MM'
            )
        ) IS NOT NULL
    ),
    6,
    'the current month and the next five have partitions'
);
SET LOCAL timezone = 'Asia/Kolkata';
SELECT is(private.create_audit_log_partition('2031-06-17'), TRUE, 'a far month is created');
SELECT is(private.create_audit_log_partition('2031-06-01'), FALSE, 'and only once');
RESET timezone;
SELECT lives_ok(
    $$INSERT INTO public.audit_logs (id, entity_type, entity_id, action, after_state, created_at)
      VALUES ('65b00000-0000-4000-8000-000000000010', 'orders', 'x', 'INSERT', '{}',
              '2031-06-01 00:00:00+00')$$,
    'the first UTC instant of the month fits its partition'
);
SELECT is(
    (
        SELECT tableoid::regclass::text FROM public.audit_logs
        WHERE id = '65b00000-0000-4000-8000-000000000010'
    ),
    'private.audit_logs_y2031m06',
    'bounds are UTC even when the partition was created in another time zone'
);
INSERT INTO public.audit_logs (id, entity_type, entity_id, action, after_state, created_at)
VALUES (
    '65b00000-0000-4000-8000-000000000011', 'orders', 'x', 'INSERT', '{}',
    '2031-05-31 23:59:59+00'
);
SELECT is(
    (
        SELECT tableoid::regclass::text FROM public.audit_logs
        WHERE id = '65b00000-0000-4000-8000-000000000011'
    ),
    'private.audit_logs_default',
    'the month before it has no partition: its row goes to the default partition'
);
SELECT throws_ok(
    $$SELECT private.create_audit_log_partitions(-1)$$,
    '22023',
    'create_audit_log_partitions: p_months_ahead must be 0 to 36, got -1',
    'a negative look-ahead is refused'
);
SELECT throws_ok(
    $$SELECT private.create_audit_log_partition(NULL)$$,
    '22004',
    'create_audit_log_partition: p_month must not be NULL',
    'a NULL month is refused'
);
CREATE TABLE private.audit_logs_y2032m01 (x integer);
SELECT throws_ok(
    $$SELECT private.create_audit_log_partition('2032-01-01')$$,
    '42P07',
    'relation private.audit_logs_y2032m01 exists but is not a partition of public.audit_logs',
    'a same-named table that is not a partition is reported'
);

SELECT * FROM finish();
ROLLBACK;
