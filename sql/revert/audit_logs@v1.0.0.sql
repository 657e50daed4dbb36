-- Revert onemedi:audit_logs from pg

BEGIN;

DROP FUNCTION public.create_audit_log_partitions(integer);
DROP FUNCTION public.create_audit_log_partition(date);
-- Drops every partition with it (the append-only triggers do not fire on DROP).
DROP TABLE public.audit_logs;
DROP FUNCTION public.audit_logs_refuse_change();
DROP TYPE public.audit_action;

COMMIT;
