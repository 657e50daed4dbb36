-- Verify onemedi:read_policies_index_paths on pg
-- Each read policy of authenticated is free of the admin arm, and om_admin has its own.

BEGIN;

SELECT 1 / (count(*) = 7)::integer
FROM pg_catalog.pg_policies
WHERE schemaname = 'public' AND roles = '{om_admin}' AND cmd = 'SELECT';
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename IN (
        'orders', 'order_items', 'service_bookings', 'refunds', 'order_artifacts',
        'vendor_payouts', 'coupons', 'cart_items'
    )
    AND cmd = 'SELECT' AND roles = '{authenticated}' AND qual LIKE '%is_admin%';
SELECT private.current_patient_order_ids();
SELECT private.current_vendor_order_item_ids();

ROLLBACK;
