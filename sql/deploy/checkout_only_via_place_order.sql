-- Deploy onemedi:checkout_only_via_place_order to pg
-- requires: rls_transactions
-- requires: place_order
-- Checkout goes only through place_order (SECURITY DEFINER): API users may no longer INSERT
-- orders, order lines, invoices, coupon redemptions or bookings with whatever money they
-- send. Corrections by staff go through service_role (the backend), which keeps ALL.

BEGIN;

DROP POLICY "patients place their own pending orders, admins any" ON public.orders;
DROP POLICY "patients add items to their own unpaid orders, admins any" ON public.order_items;
DROP POLICY "vendor staff invoice their own orders, admins any" ON public.order_invoices;
DROP POLICY "patients redeem coupons on their own orders, admins any"
ON public.coupon_redemptions;
DROP POLICY "patients book for themselves, admins any" ON public.service_bookings;

REVOKE INSERT ON public.orders FROM authenticated;
REVOKE INSERT ON public.order_items FROM authenticated;
REVOKE INSERT ON public.order_invoices FROM authenticated;
REVOKE INSERT ON public.coupon_redemptions FROM authenticated;
REVOKE INSERT ON public.service_bookings FROM authenticated;

COMMIT;
