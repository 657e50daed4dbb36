-- The audit log's DDL guard (change audit_ddl_guard): event triggers, enabled ALWAYS, that
-- refuse to disable or re-point the append-only and chain triggers (OM115), to detach a
-- partition (OM116), to drop the audit tables (OM117) or a month within its retention
-- (OM118), to replace or drop what the guarantees rest on (OM119), to rename them (OM120).
-- It protects the objects where they are: public.audit_logs, and in schema private its
-- partitions, the chain's tables and the functions verification rests on.
-- These checks run as the owner of the audit log (the deploying role: a superuser here, the
-- platform's NOSUPERUSER postgres in the harness's modes): the strongest role that owns it.
BEGIN;
SELECT plan(41);

SELECT results_eq(
    $$SELECT evtname::text COLLATE "default", evtevent::text COLLATE "default", evtenabled::text
      FROM pg_catalog.pg_event_trigger
      WHERE evtname IN ('audit_guard_ddl_end', 'audit_guard_sql_drop') ORDER BY evtname$$,
    $$VALUES ('audit_guard_ddl_end', 'ddl_command_end', 'A'),
             ('audit_guard_sql_drop', 'sql_drop', 'A')$$,
    'both event triggers exist, enabled ALWAYS'
);
SELECT ok(
    pg_has_role(
        current_user,
        (
            SELECT c.relowner FROM pg_catalog.pg_class AS c
            WHERE c.oid = 'public.audit_logs'::regclass
        ),
        'USAGE'
    ),
    'these checks run as the audit log''s owner'
);

-- The append-only and chain triggers stay ENABLE ALWAYS, under their names, on their functions.
SELECT throws_ok(
    $$ALTER TABLE public.audit_logs DISABLE TRIGGER audit_logs_refuse_change$$,
    'OM115',
    'trigger audit_logs_refuse_change on public.audit_logs must stay enabled ALWAYS, under its '
    'name, with its own function (it is disabled)',
    'DISABLE TRIGGER on audit_logs is refused (OM115)'
);
SELECT throws_ok(
    $$ALTER TABLE private.audit_logs_y2025m03 DISABLE TRIGGER ALL$$,
    'OM115',
    'trigger audit_logs_refuse_change on private.audit_logs_y2025m03 must stay enabled ALWAYS, '
    'under its name, with its own function (it is disabled)',
    'DISABLE TRIGGER ALL on a partition is refused'
);
SELECT throws_ok(
    $$ALTER TABLE public.audit_logs ENABLE REPLICA TRIGGER audit_logs_chain$$,
    'OM115',
    'trigger audit_logs_chain on public.audit_logs must stay enabled ALWAYS, under its name, '
    'with its own function (it is enabled for replicas only)',
    'ENABLE REPLICA is refused'
);
SELECT throws_ok(
    $$ALTER TABLE private.audit_log_chain ENABLE TRIGGER audit_log_chain_refuse_change$$,
    'OM115',
    'trigger audit_log_chain_refuse_change on private.audit_log_chain must stay enabled ALWAYS, '
    'under its name, with its own function (it is enabled for origin sessions only)',
    'plain ENABLE (origin sessions only) on the chain is refused'
);
SELECT throws_ok(
    $$ALTER TABLE private.audit_log_chain_queue DISABLE TRIGGER USER$$,
    'OM115',
    NULL,
    'DISABLE TRIGGER USER on the queue is refused'
);
SELECT set_config('session_replication_role', 'replica', TRUE);
SELECT throws_ok(
    $$ALTER TABLE public.audit_logs DISABLE TRIGGER audit_logs_refuse_change$$,
    'OM115',
    NULL,
    'with session_replication_role = replica the guard still fires (ALWAYS)'
);
SELECT set_config('session_replication_role', 'origin', TRUE);
SELECT throws_ok(
    $$CREATE OR REPLACE TRIGGER audit_log_chain_refuse_change
      BEFORE UPDATE OR DELETE ON private.audit_log_chain
      FOR EACH ROW EXECUTE FUNCTION private.set_updated_at()$$,
    'OM115',
    'trigger audit_log_chain_refuse_change on private.audit_log_chain must stay enabled ALWAYS, '
    'under its name, with its own function (it is enabled for origin sessions only)',
    'replacing a guard trigger with one on another function is refused'
);
SELECT throws_ok(
    $$ALTER TRIGGER audit_log_chain_refuse_truncate ON private.audit_log_chain RENAME TO x$$,
    'OM115',
    'trigger x on private.audit_log_chain must stay enabled ALWAYS, under its name, with its '
    'own function (it is renamed)',
    'renaming a guard trigger is refused'
);

-- Partitions stay attached and named after their month.
SELECT throws_ok(
    $$ALTER TABLE public.audit_logs DETACH PARTITION private.audit_logs_y2025m03$$,
    'OM116',
    'detaching audit_logs_y2025m03 from audit_logs is refused',
    'DETACH PARTITION is refused (OM116)'
);
SELECT throws_ok(
    $$ALTER TABLE public.audit_logs DETACH PARTITION private.audit_logs_default$$,
    'OM116',
    'detaching audit_logs_default from audit_logs is refused',
    'detaching the default partition is refused'
);
SELECT throws_ok(
    $$ALTER TABLE public.audit_logs DETACH PARTITION private.audit_logs_y2025m03 CONCURRENTLY$$,
    '25001',
    NULL,
    'DETACH ... CONCURRENTLY cannot run in a transaction (and PostgreSQL refuses it anyway '
    'while a default partition exists)'
);
SELECT throws_ok(
    $$ALTER TABLE private.audit_logs_y2025m03 SET SCHEMA public$$,
    'OM120',
    'renaming or moving a partition of audit_logs is refused (audit_logs_y2025m03)',
    'moving a partition into public, which the Data API exposes, is refused (OM120)'
);
SELECT throws_ok(
    $$ALTER TABLE private.audit_logs_default SET SCHEMA public$$,
    'OM120',
    'renaming or moving a partition of audit_logs is refused (audit_logs_default)',
    'moving the default partition into public is refused'
);
SELECT throws_ok(
    $$ALTER TABLE private.audit_logs_y2025m03 RENAME TO audit_logs_old$$,
    'OM120',
    'renaming or moving a partition of audit_logs is refused (audit_logs_old)',
    'renaming a partition is refused (OM120)'
);
SELECT throws_ok(
    $$ALTER TABLE public.audit_logs RENAME TO audit_logs_2$$,
    'OM120',
    'renaming or moving public.audit_logs, private.audit_log_chain or '
    'private.audit_log_chain_queue is refused',
    'renaming audit_logs is refused'
);
SELECT throws_ok(
    $$ALTER TABLE private.audit_log_chain SET SCHEMA extensions$$,
    'OM120',
    NULL,
    'moving the chain to another schema is refused'
);

-- Drops.
SELECT throws_ok(
    $$DROP TABLE public.audit_logs$$,
    'OM117',
    'dropping public.audit_logs is refused',
    'DROP TABLE audit_logs is refused (OM117)'
);
SELECT throws_ok(
    $$DROP TABLE private.audit_log_chain$$,
    'OM117',
    'dropping private.audit_log_chain is refused',
    'DROP TABLE audit_log_chain is refused'
);
SELECT throws_ok(
    $$DROP TABLE private.audit_log_chain_queue$$,
    'OM117',
    'dropping private.audit_log_chain_queue is refused',
    'DROP TABLE audit_log_chain_queue is refused'
);
SELECT throws_ok(
    $$DROP TABLE private.audit_logs_default$$,
    'OM117',
    'dropping private.audit_logs_default is refused',
    'dropping the default partition is refused'
);
SELECT throws_ok(
    $$DROP TABLE private.audit_logs_y2025m03$$,
    'OM118',
    'dropping private.audit_logs_y2025m03 is refused: the law keeps its rows until 2031-12-31',
    'dropping March 2025 is refused: GST keeps FY 2024-25 until 31 Dec 2031 (OM118)'
);
SELECT is(
    private.create_audit_log_partition('2015-05-01'), TRUE, 'a partition of May 2015 is made'
);
SELECT lives_ok(
    $$DROP TABLE private.audit_logs_y2015m05$$,
    'and may be dropped: FY 2015-16 was kept until 31 Dec 2022'
);
SELECT throws_ok(
    $$DROP TRIGGER audit_logs_refuse_truncate ON private.audit_logs_y2025m03$$,
    'OM119',
    'dropping trigger audit_logs_refuse_truncate on private.audit_logs_y2025m03 is refused',
    'dropping a partition''s TRUNCATE guard is refused (OM119)'
);
SELECT throws_ok(
    $$DROP TRIGGER audit_logs_chain ON public.audit_logs$$,
    'OM119',
    'dropping trigger audit_logs_chain on public.audit_logs is refused',
    'dropping the chain trigger is refused'
);

-- The functions the guarantees rest on.
SELECT throws_ok(
    $q$CREATE OR REPLACE FUNCTION private.audit_logs_refuse_change()
      RETURNS trigger LANGUAGE plpgsql SET search_path = '' AS $f$BEGIN RETURN OLD; END$f$$q$,
    'OM119',
    'CREATE FUNCTION of private.audit_logs_refuse_change() is refused: the audit log''s '
    'guarantees rest on it',
    'replacing the append-only trigger function is refused (OM119)'
);
SELECT throws_ok(
    $$ALTER FUNCTION private.seal_audit_log_chain() SET SCHEMA public$$,
    'OM119',
    'renaming or moving private.seal_audit_log_chain is refused: the audit log''s guarantees '
    'rest on it',
    'moving a chain function back to public is refused'
);
SELECT throws_ok(
    $$ALTER FUNCTION private.audit_chain_step(bytea, bytea) RENAME TO audit_chain_step_old$$,
    'OM119',
    NULL,
    'renaming a chain function is refused'
);
SELECT throws_ok(
    $$DROP FUNCTION public.verify_audit_log_chain(date, jsonb)$$,
    'OM119',
    NULL,
    'dropping the verification is refused'
);
SELECT throws_ok(
    $$DROP FUNCTION private.audit_guard_sql_drop() CASCADE$$,
    'OM119',
    'dropping the audit DDL guard''s functions is refused',
    'dropping the guard''s sql_drop function (its event trigger with it) is refused'
);
SELECT throws_ok(
    $$DROP FUNCTION private.audit_guard_ddl_end() CASCADE$$,
    'OM119',
    NULL,
    'dropping the guard''s ddl_command_end function is refused'
);

-- Everything else goes on as before, the partition maker included.
SELECT lives_ok(
    $$ALTER TABLE public.orders ADD COLUMN t15_scratch integer;
      ALTER TABLE public.orders DROP COLUMN t15_scratch;
      CREATE TABLE public.t15_scratch (id integer PRIMARY KEY);
      DROP TABLE public.t15_scratch$$,
    'unrelated DDL is not affected'
);
SELECT lives_ok(
    $$ALTER TABLE public.audit_logs ADD COLUMN t15_note text;
      ALTER TABLE public.audit_logs DROP COLUMN t15_note$$,
    'a column may still be added to audit_logs (the hash covers the columns it names)'
);
SELECT is(
    private.create_audit_log_partition('2040-02-01'), TRUE,
    'create_audit_log_partition works under the guard'
);

-- Where the deploying role may not create event triggers, the install says so and goes on.
CREATE ROLE om_t15_deployer NOLOGIN NOSUPERUSER;
GRANT om_t15_deployer TO current_user;  -- a CREATEROLE role is not a member of what it makes
GRANT USAGE ON SCHEMA private TO om_t15_deployer;
GRANT EXECUTE ON FUNCTION private.install_audit_ddl_guard() TO om_t15_deployer;
DO $$ BEGIN PERFORM tests.drop_audit_ddl_guard(); END $$;
SET LOCAL ROLE om_t15_deployer;
CREATE TEMPORARY TABLE t_install ON COMMIT DROP AS
SELECT private.install_audit_ddl_guard() AS installed;
RESET ROLE;
SELECT is(
    (SELECT installed FROM t_install), FALSE,
    'a non-superuser''s install returns false (with a NOTICE) instead of failing the deploy'
);
SELECT is(
    (
        SELECT count(*)::integer
        FROM pg_catalog.pg_event_trigger
        WHERE evtname = 'audit_guard_sql_drop'
    ),
    0,
    'and creates nothing'
);
SELECT is(tests.install_audit_ddl_guard(), TRUE, 'a superuser installs it');
SELECT is(tests.install_audit_ddl_guard(), TRUE, 'again: it is idempotent');
SELECT results_eq(
    $$SELECT evtname::text COLLATE "default", evtenabled::text
      FROM pg_catalog.pg_event_trigger
      WHERE evtname IN ('audit_guard_ddl_end', 'audit_guard_sql_drop') ORDER BY evtname$$,
    $$VALUES ('audit_guard_ddl_end', 'A'), ('audit_guard_sql_drop', 'A')$$,
    'both event triggers are back, enabled ALWAYS'
);

SELECT * FROM finish();
ROLLBACK;
