-- Verify onemedi:audit_log_chain on pg

BEGIN;

SELECT
    month,
    seq,
    audit_id,
    audit_created_at,
    row_hash,
    chain_hash,
    chained_at
FROM private.audit_log_chain
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgname = 'audit_logs_chain'
    AND tgrelid = 'public.audit_logs'::regclass
    AND tgenabled = 'A';

SELECT
    audit_id,
    audit_created_at,
    row_hash
FROM private.audit_log_chain_queue
WHERE FALSE;

SELECT 1 / (private.audit_log_retained_until('2025-04-01') = '2032-12-31')::integer;

SELECT 1 / has_function_privilege(
    'service_role', 'public.verify_audit_log_chain(date, jsonb)', 'execute'
)::integer;

ROLLBACK;
