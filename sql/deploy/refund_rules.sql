-- Deploy onemedi:refund_rules to pg
-- requires: refund_rules@v1.0.0
-- requires: private_schema
-- requires: money_domains
-- The refund rules' trigger functions move to schema private with the other internals
-- (triggers follow them by oid); request_refund stays the RPC.

BEGIN;

ALTER FUNCTION public.refunds_within_item_total() SET SCHEMA private;
ALTER FUNCTION public.refunds_status_moves() SET SCHEMA private;
ALTER FUNCTION public.refunds_mark_order_refunded() SET SCHEMA private;

SELECT private.requalify(
    ARRAY[
        'refunds_within_item_total',
        'refunds_status_moves',
        'refunds_mark_order_refunded'
    ],
    'public',
    'private'
);

COMMIT;
