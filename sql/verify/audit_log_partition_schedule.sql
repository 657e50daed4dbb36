-- Verify onemedi:audit_log_partition_schedule on pg
-- With pg_cron, both jobs exist and are active; without it there is nothing scheduled to
-- verify (`onemedi-db doctor` reports the missing schedule).

BEGIN;

SELECT 'private.schedule_audit_log_jobs()'::regprocedure;

DO $verify$
BEGIN
    -- Nested: cron.job is planned only where pg_cron exists.
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension AS e WHERE e.extname = 'pg_cron') THEN
        IF (
            SELECT count(*) FROM cron.job AS j
            WHERE
                j.jobname IN ('onemedi_audit_log_partitions', 'onemedi_audit_log_chain_seal')
                AND j.active
        ) <> 2 THEN
            RAISE EXCEPTION 'the pg_cron jobs of audit_logs are missing or inactive';
        END IF;
    END IF;
END
$verify$;

ROLLBACK;
