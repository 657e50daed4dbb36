-- Verify onemedi:audit_logs on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_partitioned_table
WHERE
    partrelid = 'public.audit_logs'::regclass
    AND partdefid = 'private.audit_logs_default'::regclass;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgname = 'audit_logs_refuse_truncate'
    AND tgrelid = 'private.audit_logs_default'::regclass
    AND tgenabled = 'A';

SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_inherits AS i
INNER JOIN pg_catalog.pg_class AS c ON i.inhrelid = c.oid
WHERE
    i.inhparent = 'public.audit_logs'::regclass
    AND c.relnamespace <> 'private'::regnamespace;

SELECT 'private.create_audit_log_partition(date)'::regprocedure;

SELECT 1 / (s.months_ahead >= 0 AND s.default_rows IS NOT NULL)::integer
FROM public.audit_log_partition_status() AS s;

SELECT 1 / has_function_privilege(
    'service_role', 'public.audit_log_partition_status()', 'execute'
)::integer;

ROLLBACK;
