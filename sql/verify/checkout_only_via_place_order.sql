-- Verify onemedi:checkout_only_via_place_order on pg

BEGIN;

SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename IN (
        'orders', 'order_items', 'order_invoices', 'coupon_redemptions', 'service_bookings'
    )
    AND cmd IN ('INSERT', 'ALL');
SELECT
    1 / (
        NOT has_table_privilege('authenticated', 'public.orders', 'INSERT')
        AND NOT has_table_privilege('authenticated', 'public.order_items', 'INSERT')
        AND NOT has_table_privilege('authenticated', 'public.order_invoices', 'INSERT')
        AND NOT has_table_privilege('authenticated', 'public.coupon_redemptions', 'INSERT')
        AND NOT has_table_privilege('authenticated', 'public.service_bookings', 'INSERT')
    )::integer;

ROLLBACK;
