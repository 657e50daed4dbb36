-- Revert onemedi:audit_log_partition_schedule from pg

BEGIN;

DO $unschedule$
DECLARE
    v_job text;
BEGIN
    -- Nested: cron.job is planned only where pg_cron exists.
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension AS e WHERE e.extname = 'pg_cron') THEN
        FOR v_job IN
            SELECT j.jobname FROM cron.job AS j
            WHERE
                j.jobname IN ('onemedi_audit_log_partitions', 'onemedi_audit_log_chain_seal')
                AND j.username = current_user
        LOOP
            PERFORM cron.unschedule(v_job);
        END LOOP;
    END IF;
END
$unschedule$;

DROP FUNCTION private.schedule_audit_log_jobs();

COMMIT;
