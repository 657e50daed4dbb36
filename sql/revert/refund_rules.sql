-- Revert onemedi:refund_rules from pg

BEGIN;

ALTER FUNCTION private.refunds_within_item_total() SET SCHEMA public;
ALTER FUNCTION private.refunds_status_moves() SET SCHEMA public;
ALTER FUNCTION private.refunds_mark_order_refunded() SET SCHEMA public;

SELECT private.requalify(
    ARRAY[
        'refunds_within_item_total',
        'refunds_status_moves',
        'refunds_mark_order_refunded'
    ],
    'private',
    'public'
);

COMMIT;
