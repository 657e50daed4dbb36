-- Verify onemedi:rls_transactions on pg

BEGIN;

SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'tax_slabs'
    AND policyname IN (
        'anyone reads tax slabs'
    );
SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'coupons'
    AND policyname IN (
        'users read active coupons, admins all'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'carts'
    AND policyname IN (
        'patients read their own carts',
        'patients add their own carts',
        'patients change their own carts',
        'patients remove their own carts'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'cart_items'
    AND policyname IN (
        'patients read their own cart items',
        'patients add their own cart items',
        'patients change their own cart items',
        'patients remove their own cart items'
    );
-- The INSERT policy is not checked: change checkout_only_via_place_order drops it.
SELECT 1 / (count(*) = 2)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'orders'
    AND policyname IN (
        'patients read their own orders, vendors theirs, admins all',
        'patients and their vendors update order status, admins any'
    );
-- The INSERT policy is not checked: change checkout_only_via_place_order drops it.
SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'coupon_redemptions'
    AND policyname IN (
        'patients read their own redemptions, admins all'
    );
-- The INSERT policy is not checked: change checkout_only_via_place_order drops it.
SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'order_items'
    AND policyname IN (
        'patients read their order items, vendors own lines, admins all'
    );
-- The INSERT policy is not checked: change checkout_only_via_place_order drops it.
SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'order_invoices'
    AND policyname IN (
        'patients read their invoices, vendors theirs, admins all'
    );
-- The INSERT policy is not checked: change checkout_only_via_place_order drops it.
SELECT 1 / (count(*) = 2)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'service_bookings'
    AND policyname IN (
        'patients read their bookings, vendors theirs, admins all',
        'patients and their vendors update bookings, admins any'
    );
SELECT 1 / (count(*) = 2)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'order_artifacts'
    AND policyname IN (
        'patients and their vendors read order files, admins all',
        'patients attach their prescriptions, vendors their reports'
    );
SELECT 1 / (count(*) = 2)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'refunds'
    AND policyname IN (
        'patients read their refunds, vendors theirs, admins all',
        'admins record refunds'
    );
SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'vendor_payouts'
    AND policyname IN (
        'vendor members read their payouts, admins all'
    );

ROLLBACK;
