-- Revert onemedi:read_policies_index_paths from pg
-- The read policies as they were: one policy per table for authenticated, admin arm included.

BEGIN;

DROP POLICY "admins read every order" ON public.orders;
DROP POLICY "admins read every order item" ON public.order_items;
DROP POLICY "admins read every booking" ON public.service_bookings;
DROP POLICY "admins read every refund" ON public.refunds;
DROP POLICY "admins read every order file" ON public.order_artifacts;
DROP POLICY "admins read every payout" ON public.vendor_payouts;
DROP POLICY "admins read every coupon" ON public.coupons;

ALTER POLICY "patients read their own orders, vendors theirs, admins all" ON public.orders
USING (
    profile_id = (SELECT auth.uid())
    OR id IN (SELECT private.current_vendor_order_ids())
    OR (SELECT private.is_admin())
);
ALTER POLICY "patients read their order items, vendors own lines, admins all"
ON public.order_items
USING (
    order_id IN (SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid()))
    OR vendor_id IN (SELECT private.current_vendor_ids())
    OR (SELECT private.is_admin())
);
ALTER POLICY "patients read their bookings, vendors theirs, admins all"
ON public.service_bookings
USING (
    patient_id = (SELECT auth.uid())
    OR order_item_id IN (
        SELECT oi.id FROM public.order_items AS oi
        WHERE oi.vendor_id IN (SELECT private.current_vendor_ids())
    )
    OR (SELECT private.is_admin())
);
ALTER POLICY "patients read their refunds, vendors theirs, admins all" ON public.refunds
USING (
    order_item_id IN (
        SELECT oi.id FROM public.order_items AS oi
        WHERE oi.order_id IN (
            SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid())
        )
    )
    OR order_item_id IN (
        SELECT oi.id FROM public.order_items AS oi
        WHERE oi.vendor_id IN (SELECT private.current_vendor_ids())
    )
    OR (SELECT private.is_admin())
);
ALTER POLICY "patients and their vendors read order files, admins all"
ON public.order_artifacts
USING (
    order_id IN (SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid()))
    OR order_id IN (SELECT private.current_vendor_order_ids())
    OR (SELECT private.is_admin())
);
ALTER POLICY "vendor members read their payouts, admins all" ON public.vendor_payouts
USING (
    vendor_id IN (SELECT private.current_vendor_ids())
    OR (SELECT private.is_admin())
);
ALTER POLICY "users read active coupons, admins all" ON public.coupons
USING (is_active OR (SELECT private.is_admin()));
ALTER POLICY "patients read their own cart items" ON public.cart_items
USING (
    cart_id IN (SELECT c.id FROM public.carts AS c WHERE c.profile_id = (SELECT auth.uid()))
);

DROP FUNCTION private.current_vendor_order_item_ids();
DROP FUNCTION private.current_patient_order_item_ids();
DROP FUNCTION private.current_patient_order_ids();

COMMIT;
