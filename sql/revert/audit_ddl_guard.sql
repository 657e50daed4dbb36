-- Revert onemedi:audit_ddl_guard from pg
-- Event trigger commands fire no event trigger, so the guard can always be taken away by
-- whoever owns it (a superuser; Supabase's postgres): the revert needs that role too.

BEGIN;

-- In a DO block because sqlfluff does not parse DROP EVENT TRIGGER.
DO $drop$
BEGIN
    DROP EVENT TRIGGER IF EXISTS audit_guard_sql_drop;
    DROP EVENT TRIGGER IF EXISTS audit_guard_ddl_end;
END
$drop$;
DROP FUNCTION private.install_audit_ddl_guard();
DROP FUNCTION private.audit_guard_sql_drop();
DROP FUNCTION private.audit_guard_ddl_end();

COMMIT;
