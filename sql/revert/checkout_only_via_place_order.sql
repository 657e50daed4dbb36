-- Revert onemedi:checkout_only_via_place_order from pg
-- Gives authenticated its INSERT grants and the INSERT policies of rls_transactions back.

BEGIN;

GRANT INSERT ON public.orders TO authenticated;
GRANT INSERT ON public.order_items TO authenticated;
GRANT INSERT ON public.order_invoices TO authenticated;
GRANT INSERT ON public.coupon_redemptions TO authenticated;
GRANT INSERT ON public.service_bookings TO authenticated;

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

CREATE POLICY "patients redeem coupons on their own orders, admins any"
ON public.coupon_redemptions
FOR INSERT
TO authenticated
WITH CHECK (
    profile_id = (SELECT auth.uid())
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

CREATE POLICY "patients book for themselves, admins any"
ON public.service_bookings
FOR INSERT
TO authenticated
WITH CHECK (
    patient_id = (SELECT auth.uid())
    OR (SELECT public.is_admin())
);

COMMIT;
