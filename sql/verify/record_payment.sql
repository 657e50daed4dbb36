-- Verify onemedi:record_payment on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.record_payment(uuid, public.payment_status, text, numeric)'::regprocedure
    AND prosecdef;

SELECT 1 / (
    has_function_privilege(
        'service_role', 'public.record_payment(uuid, public.payment_status, text, numeric)',
        'EXECUTE'
    )
    AND NOT has_function_privilege(
        'authenticated', 'public.record_payment(uuid, public.payment_status, text, numeric)',
        'EXECUTE'
    )
)::integer;

ROLLBACK;
