-- Revert onemedi:audit_log_chain from pg

BEGIN;

DROP FUNCTION public.verify_audit_log_chain(date, jsonb);
DROP FUNCTION public.audit_log_chain_heads();
DROP TRIGGER audit_logs_chain ON public.audit_logs;
DROP FUNCTION private.seal_audit_log_chain();
DROP FUNCTION private.audit_log_chain_enqueue();
DROP FUNCTION private.audit_log_retained_until(date);
DROP FUNCTION private.audit_chain_step(bytea, bytea);
DROP FUNCTION private.audit_log_row_hash(
    uuid, uuid, public.audit_actor_kind, text, text, public.audit_action, jsonb, jsonb,
    timestamptz
);
-- The append-only triggers do not fire on DROP.
DROP TABLE private.audit_log_chain_queue;
DROP TABLE private.audit_log_chain;
DROP FUNCTION private.audit_log_chain_refuse_change();

COMMIT;
