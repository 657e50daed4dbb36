-- Revert onemedi:audit_actor from pg

BEGIN;

ALTER TABLE public.audit_logs ALTER COLUMN actor_id SET DEFAULT auth.uid();
COMMENT ON COLUMN public.audit_logs.actor_id IS
'User who acted (auth.uid() of the request by default); NULL for the system. Deliberately '
'no foreign key: deleting or erasing a user must never remove or block its history.';
ALTER TABLE public.audit_logs DROP COLUMN actor_kind;
DROP FUNCTION private.current_audit_actor_id();
DROP FUNCTION private.current_audit_actor_kind();
DROP TYPE public.audit_actor_kind;

COMMIT;
