-- Revert onemedi:admin_reads_without_hook from pg
-- The read policies of authenticated as read_policies_index_paths left them: admins read
-- every row only as om_admin.

BEGIN;

ALTER POLICY "patients read their own orders, vendors theirs, admins all" ON public.orders
USING (
    profile_id = (SELECT auth.uid())
    OR id = any(array(SELECT private.current_vendor_order_ids()))
);
ALTER POLICY "patients read their order items, vendors own lines, admins all"
ON public.order_items
USING (
    order_id = any(array(SELECT private.current_patient_order_ids()))
    OR vendor_id = any(array(SELECT private.current_vendor_ids()))
);
ALTER POLICY "patients read their bookings, vendors theirs, admins all"
ON public.service_bookings
USING (
    patient_id = (SELECT auth.uid())
    OR order_item_id = any(array(SELECT private.current_vendor_order_item_ids()))
);
ALTER POLICY "patients read their refunds, vendors theirs, admins all" ON public.refunds
USING (
    order_item_id = any(array(SELECT private.current_patient_order_item_ids()))
    OR order_item_id = any(array(SELECT private.current_vendor_order_item_ids()))
);
ALTER POLICY "patients and their vendors read order files, admins all"
ON public.order_artifacts
USING (
    order_id = any(array(SELECT private.current_patient_order_ids()))
    OR order_id = any(array(SELECT private.current_vendor_order_ids()))
);
ALTER POLICY "vendor members read their payouts, admins all" ON public.vendor_payouts
USING (vendor_id = any(array(SELECT private.current_vendor_ids())));
ALTER POLICY "users read active coupons, admins all" ON public.coupons
USING (is_active);

DROP FUNCTION private.admin_id_floor();

COMMIT;
