-- Verify onemedi:refund_rules on pg

BEGIN;

SELECT has_function_privilege(
    'authenticated', 'public.request_refund(uuid, numeric, text)', 'execute'
);
SELECT 1 / (count(*) = 2)::integer
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.refunds'::regclass
    AND tgname IN ('refunds_status_moves', 'refunds_mark_order_refunded');
SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.refunds_within_item_total()'::regprocedure
    AND prosrc LIKE '%OM033%';

ROLLBACK;
