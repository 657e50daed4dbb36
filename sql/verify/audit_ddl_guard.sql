-- Verify onemedi:audit_ddl_guard on pg
-- The functions are there; the event triggers only where the deploying role could create
-- them (`onemedi-db doctor` reports a missing guard).

BEGIN;

SELECT
    'private.audit_guard_ddl_end()'::regprocedure,
    'private.audit_guard_sql_drop()'::regprocedure,
    'private.install_audit_ddl_guard()'::regprocedure;

SELECT 1 / (NOT has_function_privilege(
    'service_role', 'private.install_audit_ddl_guard()', 'execute'
))::integer;

ROLLBACK;
