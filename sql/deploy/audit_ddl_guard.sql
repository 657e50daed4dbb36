-- Deploy onemedi:audit_ddl_guard to pg
-- requires: private_schema
-- requires: audit_log_chain
-- What the audit log's owner could still do with DDL is refused where the platform lets a
-- migration create event triggers: disabling (or re-pointing) the append-only and chain
-- triggers, detaching a partition, renaming the audit tables, dropping them or a month
-- still within its retention, replacing or dropping the functions the guarantees rest on.
-- Event triggers need a superuser on plain PostgreSQL; on Supabase the postgres role may
-- create them through supautils (2.7.0 or later). Where the deploying role may not, the
-- change deploys all the same, says so in a NOTICE, and `onemedi-db doctor` reports the
-- guard missing; a superuser installs it later with private.install_audit_ddl_guard().
-- The guard protects the objects where they are: public.audit_logs, its partitions and the
-- chain's tables in schema private, the functions in private or public by their full name.
-- Its own functions are no API and live in private too.

BEGIN;

CREATE FUNCTION private.audit_guard_ddl_end()
RETURNS event_trigger
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    -- The functions the guarantees rest on (the guard's own included), by name.
    c_functions constant text [] := ARRAY[
        'private.audit_logs_refuse_change', 'private.audit_log_chain_refuse_change',
        'private.audit_log_chain_enqueue', 'private.seal_audit_log_chain',
        'private.audit_log_row_hash', 'private.audit_chain_step',
        'private.audit_log_retained_until', 'public.verify_audit_log_chain',
        'public.audit_log_chain_heads', 'private.audit_guard_ddl_end',
        'private.audit_guard_sql_drop', 'private.install_audit_ddl_guard'
    ];
    c_triggers constant text [] := ARRAY[
        'audit_logs_refuse_change', 'audit_logs_refuse_truncate', 'audit_logs_chain',
        'audit_log_chain_refuse_change', 'audit_log_chain_refuse_truncate',
        'audit_log_chain_queue_refuse_change', 'audit_log_chain_queue_refuse_truncate'
    ];
    v_parent regclass := pg_catalog.to_regclass('public.audit_logs');
    v_chain regclass := pg_catalog.to_regclass('private.audit_log_chain');
    v_queue regclass := pg_catalog.to_regclass('private.audit_log_chain_queue');
    v_touched boolean := FALSE;
    v_parent_touched boolean := FALSE;
    r record;
BEGIN
    FOR r IN SELECT c.* FROM pg_catalog.pg_event_trigger_ddl_commands() AS c LOOP
        IF r.classid = 'pg_catalog.pg_proc'::regclass
            AND pg_catalog.split_part(r.object_identity, '(', 1) = ANY (c_functions) THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM119',
                MESSAGE = pg_catalog.format(
                    '%s of %s is refused: the audit log''s guarantees rest on it',
                    r.command_tag, r.object_identity
                ),
                HINT = 'A migration that must change it drops the event triggers '
                'audit_guard_ddl_end and audit_guard_sql_drop first and reinstalls them with '
                'private.install_audit_ddl_guard() in the same transaction.';
        END IF;
        IF r.classid = 'pg_catalog.pg_class'::regclass THEN
            v_parent_touched := v_parent_touched OR r.objid = v_parent;
            v_touched := v_touched OR r.objid IN (v_parent, v_chain, v_queue) OR EXISTS (
                SELECT 1 FROM pg_catalog.pg_inherits AS i
                WHERE i.inhrelid = r.objid AND i.inhparent = v_parent
            );
        ELSIF r.classid = 'pg_catalog.pg_trigger'::regclass THEN
            v_touched := v_touched OR EXISTS (
                SELECT 1
                FROM pg_catalog.pg_trigger AS t
                WHERE
                    t.oid = r.objid
                    AND (
                        t.tgrelid IN (v_parent, v_chain, v_queue) OR t.tgrelid IN (
                            SELECT i.inhrelid FROM pg_catalog.pg_inherits AS i
                            WHERE i.inhparent = v_parent
                        )
                    )
            );
        END IF;
    END LOOP;

    -- ALTER FUNCTION ... RENAME or SET SCHEMA reports the new name: see that every
    -- function the guarantees rest on is still where it was.
    IF TG_TAG = 'ALTER FUNCTION' THEN
        SELECT f.name INTO r
        FROM pg_catalog.unnest(c_functions) AS f (name)
        WHERE NOT EXISTS (
            SELECT 1
            FROM pg_catalog.pg_proc AS p
            WHERE
                p.pronamespace = pg_catalog.to_regnamespace(pg_catalog.split_part(f.name, '.', 1))
                AND p.proname = pg_catalog.split_part(f.name, '.', 2)
        )
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM119',
                MESSAGE = pg_catalog.format(
                    'renaming or moving %s is refused: the audit log''s guarantees rest on it',
                    r.name
                ),
                HINT = 'Functions of the audit log''s guard keep their names and schema.';
        END IF;
    END IF;
    -- DROP FUNCTION ... CASCADE of the sql_drop trigger's function takes that event trigger
    -- along before it can fire: this one sees it gone.
    IF TG_TAG = 'DROP FUNCTION' AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_event_trigger AS e WHERE e.evtname = 'audit_guard_sql_drop'
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM119',
            MESSAGE = 'dropping the audit DDL guard''s functions is refused',
            HINT = 'Drop the event triggers audit_guard_ddl_end and audit_guard_sql_drop first '
            '(their owner only), as the revert of change audit_ddl_guard does.';
    END IF;
    IF v_parent IS NULL OR v_chain IS NULL OR v_queue IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM120',
            MESSAGE = 'renaming or moving public.audit_logs, private.audit_log_chain or '
            'private.audit_log_chain_queue is refused',
            HINT = 'The audit tables keep their names: verification and the guard find them by name.';
    END IF;
    IF NOT v_touched THEN
        RETURN;
    END IF;

    -- Every append-only or chain trigger calls its own function and fires ALWAYS (neither
    -- DISABLE, nor ENABLE REPLICA, nor session_replication_role = replica skips it).
    SELECT t.tgname, t.tgrelid::regclass AS rel, t.tgenabled, t.tgfoid::regproc::text AS fn
    INTO r
    FROM pg_catalog.pg_trigger AS t
    WHERE
        (
            t.tgrelid IN (v_parent, v_chain, v_queue)
            OR t.tgrelid IN (
                SELECT i.inhrelid FROM pg_catalog.pg_inherits AS i
                WHERE i.inhparent = v_parent
            )
        )
        AND (t.tgname = ANY (c_triggers) OR t.tgfoid::regproc::text = ANY (c_functions))
        AND (
            t.tgenabled <> 'A'
            OR t.tgfoid::regproc::text IS DISTINCT FROM CASE t.tgname
                WHEN 'audit_logs_refuse_change' THEN 'private.audit_logs_refuse_change'
                WHEN 'audit_logs_refuse_truncate' THEN 'private.audit_logs_refuse_change'
                WHEN 'audit_logs_chain' THEN 'private.audit_log_chain_enqueue'
                WHEN 'audit_log_chain_refuse_change' THEN 'private.audit_log_chain_refuse_change'
                WHEN 'audit_log_chain_refuse_truncate' THEN 'private.audit_log_chain_refuse_change'
                WHEN 'audit_log_chain_queue_refuse_change'
                    THEN 'private.audit_log_chain_refuse_change'
                WHEN 'audit_log_chain_queue_refuse_truncate'
                    THEN 'private.audit_log_chain_refuse_change'
            END
        )
    -- The table the command named first (the parent before its partitions).
    ORDER BY t.tgrelid NOT IN (v_parent, v_chain, v_queue), t.tgrelid::regclass::text, t.tgname
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM115',
            MESSAGE = pg_catalog.format(
                'trigger %s on %s must stay enabled ALWAYS, under its name, with its own '
                'function (it is %s)',
                r.tgname, r.rel,
                CASE
                    WHEN NOT r.tgname = ANY (c_triggers) THEN 'renamed'
                    WHEN r.tgenabled = 'A' THEN 'pointed at ' || r.fn
                    WHEN r.tgenabled = 'D' THEN 'disabled'
                    WHEN r.tgenabled = 'R' THEN 'enabled for replicas only'
                    ELSE 'enabled for origin sessions only'
                END
            ),
            HINT = 'The audit log''s append-only and chain triggers may not be disabled, '
            'not even for a moment: a migration records corrections as new audit rows.';
    END IF;

    -- A detached partition leaves a table of that name behind in private, outside audit_logs.
    IF v_parent_touched THEN
        SELECT c.relname INTO r
        FROM pg_catalog.pg_class AS c
        WHERE
            c.relnamespace = 'private'::regnamespace
            AND c.relkind = 'r'
            AND NOT c.relispartition
            AND c.relname ~ '^audit_logs_(y[0-9]{4}m[0-9]{2}|default)$'
        ORDER BY c.relname
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM116',
                MESSAGE = pg_catalog.format(
                    'detaching %s from audit_logs is refused', r.relname
                ),
                HINT = 'A month leaves the audit log only by DROP TABLE once its retention '
                'has ended (see private.audit_log_retained_until).';
        END IF;
    END IF;

    -- The partitions keep the names that say their month, in schema private.
    SELECT c.relname INTO r
    FROM pg_catalog.pg_inherits AS i
    INNER JOIN pg_catalog.pg_class AS c ON i.inhrelid = c.oid
    WHERE
        i.inhparent = v_parent
        AND (
            c.relnamespace <> 'private'::regnamespace
            OR c.relname !~ '^audit_logs_(y[0-9]{4}m[0-9]{2}|default)$'
        )
    ORDER BY c.relname
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM120',
            MESSAGE = pg_catalog.format(
                'renaming or moving a partition of audit_logs is refused (%s)', r.relname
            ),
            HINT = 'Partitions are private.audit_logs_yYYYYmMM, named after their month: the '
            'retention check and verification find them by that name.';
    END IF;
END;
$$;

COMMENT ON FUNCTION private.audit_guard_ddl_end() IS
'Event trigger function (ddl_command_end of ALTER TABLE, CREATE/ALTER TRIGGER, '
'CREATE/ALTER/DROP FUNCTION): refuses OM119 replacing, altering, renaming or dropping '
'(with CASCADE) a function the guarantees rest on; OM115 an append-only or chain trigger '
'of audit_logs, its partitions, audit_log_chain or its queue left other than ENABLE ALWAYS, '
'under its name, with its own function; OM116 a partition detached from audit_logs; OM120 '
'public.audit_logs, private.audit_log_chain, private.audit_log_chain_queue or a partition '
'(private.audit_logs_yYYYYmMM, private.audit_logs_default) renamed or moved to another '
'schema. Checks the catalog after the command, so every spelling of a command is caught.';

CREATE FUNCTION private.audit_guard_sql_drop()
RETURNS event_trigger
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    -- The functions the guarantees rest on (the guard's own included), by name.
    c_functions constant text [] := ARRAY[
        'private.audit_logs_refuse_change', 'private.audit_log_chain_refuse_change',
        'private.audit_log_chain_enqueue', 'private.seal_audit_log_chain',
        'private.audit_log_row_hash', 'private.audit_chain_step',
        'private.audit_log_retained_until', 'public.verify_audit_log_chain',
        'public.audit_log_chain_heads', 'private.audit_guard_ddl_end',
        'private.audit_guard_sql_drop', 'private.install_audit_ddl_guard'
    ];
    c_triggers constant text [] := ARRAY[
        'audit_logs_refuse_change', 'audit_logs_refuse_truncate', 'audit_logs_chain',
        'audit_log_chain_refuse_change', 'audit_log_chain_refuse_truncate',
        'audit_log_chain_queue_refuse_change', 'audit_log_chain_queue_refuse_truncate'
    ];
    v_today date := (pg_catalog.now() AT TIME ZONE 'Asia/Kolkata')::date;
    v_month date;
    v_tables text [];
    r record;
BEGIN
    SELECT coalesce(pg_catalog.array_agg(d.object_identity), '{}')
    INTO v_tables
    FROM pg_catalog.pg_event_trigger_dropped_objects() AS d
    WHERE d.object_type = 'table';
    FOR r IN SELECT d.* FROM pg_catalog.pg_event_trigger_dropped_objects() AS d LOOP
        IF r.object_type = 'table' AND r.schema_name IN ('public', 'private') THEN
            IF (r.schema_name, r.object_name) IN (
                ('public', 'audit_logs'), ('private', 'audit_log_chain'),
                ('private', 'audit_log_chain_queue'), ('private', 'audit_logs_default')
            ) THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'OM117',
                    MESSAGE = pg_catalog.format('dropping %s is refused', r.object_identity),
                    HINT = 'The audit log, its chain and its default partition stay; old '
                    'months leave by dropping their partition after retention.';
            END IF;
            IF r.schema_name = 'private' AND r.object_name ~ '^audit_logs_y[0-9]{4}m[0-9]{2}$' THEN
                v_month := pg_catalog.to_date(
                    pg_catalog.substr(r.object_name, 13, 4)
                    || pg_catalog.substr(r.object_name, 18, 2),
                    'YYYYMM'
                );
                IF v_today <= private.audit_log_retained_until(v_month) THEN
                    RAISE EXCEPTION USING
                        ERRCODE = 'OM118',
                        MESSAGE = pg_catalog.format(
                            'dropping %s is refused: the law keeps its rows until %s',
                            r.object_identity, private.audit_log_retained_until(v_month)
                        ),
                        HINT = 'GST records are kept 72 months from the annual return''s due '
                        'date (CGST Act s.36); drop the partition from the day after.';
                END IF;
            END IF;
        ELSIF r.object_type = 'trigger'
            AND pg_catalog.split_part(r.object_identity, ' on ', 1) = ANY (c_triggers)
            AND NOT pg_catalog.split_part(r.object_identity, ' on ', 2) = ANY (v_tables) THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM119',
                MESSAGE = pg_catalog.format('dropping trigger %s is refused', r.object_identity),
                HINT = 'The audit log''s append-only and chain triggers stay while its '
                'table does.';
        ELSIF r.object_type = 'function'
            AND pg_catalog.split_part(r.object_identity, '(', 1) = ANY (c_functions) THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM119',
                MESSAGE = pg_catalog.format('dropping %s is refused', r.object_identity),
                HINT = 'The audit log''s guarantees rest on it.';
        END IF;
    END LOOP;
END;
$$;

COMMENT ON FUNCTION private.audit_guard_sql_drop() IS
'Event trigger function (sql_drop): refuses OM117 dropping public.audit_logs, '
'private.audit_log_chain, private.audit_log_chain_queue or private.audit_logs_default, '
'OM118 dropping a month''s partition (private.audit_logs_yYYYYmMM) on or before '
'audit_log_retained_until(month) (India time), OM119 dropping an append-only or chain '
'trigger (unless with its table) or a function the guarantees rest on.';

-- Creates the two event triggers when the current role may (a superuser; Supabase's
-- postgres through supautils), enabled ALWAYS; otherwise a NOTICE and false.
CREATE FUNCTION private.install_audit_ddl_guard()
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_event_trigger AS e WHERE e.evtname = 'audit_guard_ddl_end'
    ) THEN
        CREATE EVENT TRIGGER audit_guard_ddl_end ON ddl_command_end
        WHEN TAG IN (
            'ALTER TABLE', 'CREATE TRIGGER', 'ALTER TRIGGER', 'CREATE FUNCTION',
            'ALTER FUNCTION', 'DROP FUNCTION'
        )
        EXECUTE FUNCTION private.audit_guard_ddl_end();
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_event_trigger AS e WHERE e.evtname = 'audit_guard_sql_drop'
    ) THEN
        CREATE EVENT TRIGGER audit_guard_sql_drop ON sql_drop
        EXECUTE FUNCTION private.audit_guard_sql_drop();
    END IF;
    ALTER EVENT TRIGGER audit_guard_ddl_end ENABLE ALWAYS;
    ALTER EVENT TRIGGER audit_guard_sql_drop ENABLE ALWAYS;
    RETURN TRUE;
EXCEPTION
    WHEN insufficient_privilege THEN
        RAISE NOTICE USING
            MESSAGE = pg_catalog.format(
                'audit DDL guard not installed: %s may not create event triggers (%s)',
                current_user, SQLERRM
            ),
            HINT = 'The audit log stays append-only and chained, but its owner could disable '
            'its triggers; `onemedi-db doctor` reports it. A superuser (or Supabase''s postgres '
            'with supautils) runs SELECT private.install_audit_ddl_guard().';
        RETURN FALSE;
END;
$$;

COMMENT ON FUNCTION private.install_audit_ddl_guard() IS
'Creates the event triggers audit_guard_ddl_end and audit_guard_sql_drop (ENABLE ALWAYS, '
'so session_replication_role = replica does not skip them) and returns true; when the '
'current role may not create event triggers (not a superuser, no supautils privileged '
'role), raises a NOTICE instead and returns false. Idempotent.';

REVOKE ALL ON FUNCTION private.audit_guard_ddl_end()
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.audit_guard_sql_drop()
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.install_audit_ddl_guard()
FROM public, anon, authenticated, service_role;

SELECT private.install_audit_ddl_guard();

COMMIT;
