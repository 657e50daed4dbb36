-- Deploy onemedi:rls_transactions to pg
-- requires: security_helpers
-- requires: privileged_column_guards
-- requires: tax_slabs
-- requires: coupons
-- requires: cart_items
-- requires: coupon_redemptions
-- requires: order_invoices
-- requires: service_bookings
-- requires: order_artifacts
-- requires: refunds
-- requires: vendor_payouts
-- Row level security policies of groups F and G (carts, orders, money, payouts).
-- One permissive policy per table, command and role, each with an explicit
-- TO (docs/security.md).

BEGIN;

CREATE POLICY "anyone reads tax slabs"
ON public.tax_slabs
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "users read active coupons, admins all"
ON public.coupons
FOR SELECT
TO authenticated
USING (
    is_active
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients read their own carts"
ON public.carts
FOR SELECT
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
);

CREATE POLICY "patients add their own carts"
ON public.carts
FOR INSERT
TO authenticated
WITH CHECK (
    profile_id = (SELECT auth.uid())
);

CREATE POLICY "patients change their own carts"
ON public.carts
FOR UPDATE
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
)
WITH CHECK (
    profile_id = (SELECT auth.uid())
);

CREATE POLICY "patients remove their own carts"
ON public.carts
FOR DELETE
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
);

CREATE POLICY "patients read their own cart items"
ON public.cart_items
FOR SELECT
TO authenticated
USING (
    cart_id IN (SELECT c.id FROM public.carts AS c WHERE c.profile_id = (SELECT auth.uid()))
);

CREATE POLICY "patients add their own cart items"
ON public.cart_items
FOR INSERT
TO authenticated
WITH CHECK (
    cart_id IN (SELECT c.id FROM public.carts AS c WHERE c.profile_id = (SELECT auth.uid()))
);

CREATE POLICY "patients change their own cart items"
ON public.cart_items
FOR UPDATE
TO authenticated
USING (
    cart_id IN (SELECT c.id FROM public.carts AS c WHERE c.profile_id = (SELECT auth.uid()))
)
WITH CHECK (
    cart_id IN (SELECT c.id FROM public.carts AS c WHERE c.profile_id = (SELECT auth.uid()))
);

CREATE POLICY "patients remove their own cart items"
ON public.cart_items
FOR DELETE
TO authenticated
USING (
    cart_id IN (SELECT c.id FROM public.carts AS c WHERE c.profile_id = (SELECT auth.uid()))
);

CREATE POLICY "patients read their own orders, vendors theirs, admins all"
ON public.orders
FOR SELECT
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
    OR id IN (SELECT public.current_vendor_order_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients place their own pending orders, admins any"
ON public.orders
FOR INSERT
TO authenticated
WITH CHECK (
    (
        profile_id = (SELECT auth.uid())
        AND status = 'PENDING'
        AND payment_status = 'AWAITING'
    )
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients and their vendors update order status, admins any"
ON public.orders
FOR UPDATE
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
    OR id IN (SELECT public.current_vendor_order_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    profile_id = (SELECT auth.uid())
    OR id IN (SELECT public.current_vendor_order_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients read their own redemptions, admins all"
ON public.coupon_redemptions
FOR SELECT
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients redeem coupons on their own orders, admins any"
ON public.coupon_redemptions
FOR INSERT
TO authenticated
WITH CHECK (
    profile_id = (SELECT auth.uid())
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients read their order items, vendors own lines, admins all"
ON public.order_items
FOR SELECT
TO authenticated
USING (
    order_id IN (SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid()))
    OR vendor_id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients add items to their own unpaid orders, admins any"
ON public.order_items
FOR INSERT
TO authenticated
WITH CHECK (
    order_id IN (
        SELECT o.id FROM public.orders AS o
        WHERE o.profile_id = (SELECT auth.uid()) AND o.payment_status = 'AWAITING'
    )
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients read their invoices, vendors theirs, admins all"
ON public.order_invoices
FOR SELECT
TO authenticated
USING (
    order_id IN (SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid()))
    OR vendor_id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff invoice their own orders, admins any"
ON public.order_invoices
FOR INSERT
TO authenticated
WITH CHECK (
    (
        vendor_id IN (SELECT public.writable_vendor_ids())
        AND order_id IN (SELECT public.current_vendor_order_ids())
    )
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients read their bookings, vendors theirs, admins all"
ON public.service_bookings
FOR SELECT
TO authenticated
USING (
    patient_id = (SELECT auth.uid())
    OR order_item_id IN (
        SELECT oi.id FROM public.order_items AS oi
        WHERE oi.vendor_id IN (SELECT public.current_vendor_ids())
    )
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients book for themselves, admins any"
ON public.service_bookings
FOR INSERT
TO authenticated
WITH CHECK (
    patient_id = (SELECT auth.uid())
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients and their vendors update bookings, admins any"
ON public.service_bookings
FOR UPDATE
TO authenticated
USING (
    patient_id = (SELECT auth.uid())
    OR order_item_id IN (
        SELECT oi.id FROM public.order_items AS oi
        WHERE oi.vendor_id IN (SELECT public.current_vendor_ids())
    )
    OR (SELECT public.is_admin())
)
WITH CHECK (
    patient_id = (SELECT auth.uid())
    OR order_item_id IN (
        SELECT oi.id FROM public.order_items AS oi
        WHERE oi.vendor_id IN (SELECT public.current_vendor_ids())
    )
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients and their vendors read order files, admins all"
ON public.order_artifacts
FOR SELECT
TO authenticated
USING (
    order_id IN (SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid()))
    OR order_id IN (SELECT public.current_vendor_order_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients attach their prescriptions, vendors their reports"
ON public.order_artifacts
FOR INSERT
TO authenticated
WITH CHECK (
    (
        uploaded_by = (SELECT auth.uid())
        AND order_id IN (
            SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid())
        )
        AND type = 'PRESC'
        AND file_url LIKE 'prescriptions/' || (SELECT auth.uid())::text || '/%'
    )
    OR (
        uploaded_by = (SELECT auth.uid())
        AND order_id IN (SELECT public.current_vendor_order_ids())
        AND type = 'REPORT'
    )
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients read their refunds, vendors theirs, admins all"
ON public.refunds
FOR SELECT
TO authenticated
USING (
    order_item_id IN (
        SELECT oi.id FROM public.order_items AS oi
        WHERE
            oi.order_id IN (
                SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid())
            )
    )
    OR order_item_id IN (
        SELECT oi.id FROM public.order_items AS oi
        WHERE oi.vendor_id IN (SELECT public.current_vendor_ids())
    )
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins record refunds"
ON public.refunds
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "vendor members read their payouts, admins all"
ON public.vendor_payouts
FOR SELECT
TO authenticated
USING (
    vendor_id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

COMMIT;
