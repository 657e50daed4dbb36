-- Deploy onemedi:audit_log_partition_schedule to pg
-- requires: private_schema
-- requires: audit_logs
-- requires: audit_ddl_guard
-- The month nobody remembers create_audit_log_partitions() must not be the month audit rows
-- pile up in the default partition, and queued audit rows must not wait long to be linked
-- into the hash chain: where pg_cron is installed (Supabase has it; Debian's
-- postgresql-15-cron), two jobs do both, as the owner of audit_logs. Where it is not, a
-- NOTICE says so and `onemedi-db doctor` reports the missing schedule. The jobs call the
-- functions in schema private, where they are (no API role calls them).

BEGIN;

CREATE FUNCTION private.schedule_audit_log_jobs()
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension AS e WHERE e.extname = 'pg_cron') THEN
        RAISE NOTICE USING
            MESSAGE = 'pg_cron is not installed here: private.create_audit_log_partitions() '
            'and private.seal_audit_log_chain() are not scheduled',
            HINT = 'Enable pg_cron (Supabase: Database > Extensions), then run SELECT '
            'private.schedule_audit_log_jobs(); or call both from another scheduler. '
            '`onemedi-db doctor` warns when fewer than two months lie ahead.';
        RETURN FALSE;
    END IF;
    -- cron.schedule(name, ...) replaces the job of that name and user: re-runnable.
    -- Partitions daily at 03:17 UTC (08:47 India), three months ahead: a missed run is made
    -- up the next day, and a stopped job leaves a quarter to notice.
    PERFORM cron.schedule(
        'onemedi_audit_log_partitions', '17 3 * * *',
        'SELECT private.create_audit_log_partitions(3)'
    );
    -- The chain every minute (pg_cron's finest step before 1.5).
    PERFORM cron.schedule(
        'onemedi_audit_log_chain_seal', '* * * * *', 'SELECT private.seal_audit_log_chain()'
    );
    RETURN TRUE;
END;
$$;

COMMENT ON FUNCTION private.schedule_audit_log_jobs() IS
'Schedules, with pg_cron and as the current role (the owner of audit_logs), '
'private.create_audit_log_partitions(3) daily at 03:17 UTC (job onemedi_audit_log_partitions) '
'and private.seal_audit_log_chain() every minute (onemedi_audit_log_chain_seal); returns '
'true. Without pg_cron: a NOTICE and false. Idempotent (a job of the same name is '
'replaced).';

REVOKE ALL ON FUNCTION private.schedule_audit_log_jobs()
FROM public, anon, authenticated, service_role;

SELECT private.schedule_audit_log_jobs();

COMMIT;
