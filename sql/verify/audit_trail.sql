-- Verify onemedi:audit_trail on pg

BEGIN;

SELECT 1 / (count(*) = 22)::integer
FROM pg_catalog.pg_trigger
WHERE
    tgname LIKE '%\_audit\_%'
    AND tgrelid IN (
        'public.orders'::regclass,
        'public.order_items'::regclass,
        'public.refunds'::regclass,
        'public.vendor_payouts'::regclass,
        'public.vendor_kyc'::regclass,
        'public.medicine_master'::regclass,
        'public.roles'::regclass,
        'public.profiles'::regclass
    );
SELECT 1 / (NOT has_table_privilege('service_role', 'public.audit_logs', 'insert'))::integer;
SELECT
    'private.audit_log_inserted_rows()'::regprocedure,
    'private.audit_log_deleted_rows()'::regprocedure,
    'private.audit_log_updated_row()'::regprocedure;
SELECT 1 / has_function_privilege(
    'authenticated', 'public.log_access(text, text, jsonb)', 'execute'
)::integer;
SELECT 1 / (
    private.audit_access_context_problem('orders', '{"why": "free text"}') IS NOT NULL
)::integer;
SELECT 1 / (
    private.audit_access_context_problem('orders', '{"purpose": "support"}') IS NULL
)::integer;

ROLLBACK;
