-- Revert onemedi:rls_transactions from pg

BEGIN;

DROP POLICY "vendor members read their payouts, admins all" ON public.vendor_payouts;
DROP POLICY "admins record refunds" ON public.refunds;
DROP POLICY "patients read their refunds, vendors theirs, admins all" ON public.refunds;
DROP POLICY "patients attach their prescriptions, vendors their reports" ON public.order_artifacts;
DROP POLICY "patients and their vendors read order files, admins all" ON public.order_artifacts;
DROP POLICY "patients and their vendors update bookings, admins any" ON public.service_bookings;
DROP POLICY "patients book for themselves, admins any" ON public.service_bookings;
DROP POLICY "patients read their bookings, vendors theirs, admins all" ON public.service_bookings;
DROP POLICY "vendor staff invoice their own orders, admins any" ON public.order_invoices;
DROP POLICY "patients read their invoices, vendors theirs, admins all" ON public.order_invoices;
DROP POLICY "patients add items to their own unpaid orders, admins any" ON public.order_items;
DROP POLICY "patients read their order items, vendors own lines, admins all" ON public.order_items;
DROP POLICY "patients redeem coupons on their own orders, admins any" ON public.coupon_redemptions;
DROP POLICY "patients read their own redemptions, admins all" ON public.coupon_redemptions;
DROP POLICY "patients and their vendors update order status, admins any" ON public.orders;
DROP POLICY "patients place their own pending orders, admins any" ON public.orders;
DROP POLICY "patients read their own orders, vendors theirs, admins all" ON public.orders;
DROP POLICY "patients remove their own cart items" ON public.cart_items;
DROP POLICY "patients change their own cart items" ON public.cart_items;
DROP POLICY "patients add their own cart items" ON public.cart_items;
DROP POLICY "patients read their own cart items" ON public.cart_items;
DROP POLICY "patients remove their own carts" ON public.carts;
DROP POLICY "patients change their own carts" ON public.carts;
DROP POLICY "patients add their own carts" ON public.carts;
DROP POLICY "patients read their own carts" ON public.carts;
DROP POLICY "users read active coupons, admins all" ON public.coupons;
DROP POLICY "anyone reads tax slabs" ON public.tax_slabs;

COMMIT;
