-- Verify onemedi:request_refund_in_rupees on pg

BEGIN;

SELECT 1 / (pg_catalog.strpos(
    pg_catalog.pg_get_functiondef('public.request_refund(uuid, numeric, text)'::regprocedure),
    'v_amount public.inr'
) > 0)::integer;

ROLLBACK;
