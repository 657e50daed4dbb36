-- Verify onemedi:admin_reads_without_hook on pg
-- Each of the seven read policies of authenticated carries the admin arm as a primary-key
-- range from admin_id_floor(), and the floor is NULL for a caller who is no admin.

BEGIN;

SELECT 1 / (count(*) = 7)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename IN (
        'orders', 'order_items', 'service_bookings', 'refunds', 'order_artifacts',
        'vendor_payouts', 'coupons'
    )
    AND cmd = 'SELECT' AND roles = '{authenticated}'
    AND qual LIKE '%(id >= ( SELECT private.admin_id_floor()%'
    AND qual LIKE '%(id <= ''ffffffff-ffff-ffff-ffff-ffffffffffff''::uuid)%';
SELECT 1 / (private.admin_id_floor() IS NULL)::integer;

ROLLBACK;
