-- Verify onemedi:refund_rules on pg

BEGIN;

SELECT 'private.refunds_within_item_total()'::regprocedure;
SELECT 'private.refunds_status_moves()'::regprocedure;
SELECT 'private.refunds_mark_order_refunded()'::regprocedure;
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace = 'public'::regnamespace
    AND p.proname IN (
        'refunds_within_item_total',
        'refunds_status_moves',
        'refunds_mark_order_refunded'
    );

ROLLBACK;
