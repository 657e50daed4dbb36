-- Verify onemedi:request_refund_in_rupees on pg

BEGIN;

SELECT
    1 / has_function_privilege(
        'authenticated', 'public.request_refund(uuid, public.inr, text)', 'EXECUTE'
    )::integer;

ROLLBACK;
