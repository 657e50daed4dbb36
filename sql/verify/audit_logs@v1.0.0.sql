-- Verify onemedi:audit_logs on pg

BEGIN;

SELECT
    id,
    actor_id,
    entity_type,
    entity_id,
    action,
    before_state,
    after_state,
    created_at
FROM public.audit_logs
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_class
WHERE
    oid = 'public.audit_logs_created_at_brin'::regclass
    AND relkind = 'I';

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgname = 'audit_logs_refuse_change'
    AND tgrelid = 'public.audit_logs'::regclass
    AND tgenabled = 'A';

-- The current month has a partition.
SELECT 1 / count(*)
FROM pg_catalog.pg_inherits
WHERE
    inhparent = 'public.audit_logs'::regclass
    AND inhrelid = pg_catalog.to_regclass(
        'public.audit_logs_' || pg_catalog.to_char(now() AT TIME ZONE 'UTC', '"y"YYYY"m"MM')
    );

SELECT pg_catalog.has_function_privilege(
    'public.create_audit_log_partitions(integer)', 'execute'
);

ROLLBACK;
