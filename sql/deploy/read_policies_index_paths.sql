-- Deploy onemedi:read_policies_index_paths to pg
-- requires: admin_role
-- requires: api_guards_om_admin
-- requires: policy_helpers_plpgsql
-- requires: api_grants_exact
-- Read policies an index can serve, whatever the client filters. supabase-js reads a table
-- with no filter of its own (`.from('orders').select().order('created_at').limit(20)`) and
-- relies on the policy; PostgreSQL ORs a role's permissive policies into one condition, so
-- each arm must be an index condition or the read scans the table:
-- * the admin arm, is_admin(), matches no index: it moves to policies for om_admin
--   (admin_role), and the policies of authenticated keep the patient's and the vendor's arms;
-- * `x IN (SELECT set-returning helper)` is a hashed filter, applied row by row after a scan;
--   `x = ANY (ARRAY(SELECT ...))` is computed once and probes the index of x (the arms of one
--   policy combine as a BitmapOr);
-- * the patient's arm of order_items, refunds and order_artifacts read orders through its
--   own policy; a definer helper returns the caller's own order and line ids instead, the
--   same rows without applying one policy inside another (plpgsql, as policy_helpers_plpgsql
--   says why).
-- Who sees what is unchanged (tests/pgtap/test_rls_matrix_*.sql); admins read with om_admin.

BEGIN;

CREATE FUNCTION private.current_patient_order_ids()
RETURNS SETOF uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
ROWS 20
SET search_path = ''
AS $$
BEGIN
    RETURN QUERY SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid());
END;
$$;
COMMENT ON FUNCTION private.current_patient_order_ids() IS
'Ids of the caller''s own orders (as their patient), read from the (profile_id, created_at) '
'index without applying the orders policy again inside another table''s policy.';

CREATE FUNCTION private.current_patient_order_item_ids()
RETURNS SETOF uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
ROWS 50
SET search_path = ''
AS $$
BEGIN
    RETURN QUERY
    SELECT oi.id
    FROM public.orders AS o
    INNER JOIN public.order_items AS oi ON oi.order_id = o.id
    WHERE o.profile_id = (SELECT auth.uid());
END;
$$;
COMMENT ON FUNCTION private.current_patient_order_item_ids() IS
'Ids of the lines of the caller''s own orders, for the patient''s arm of refunds.';

CREATE FUNCTION private.current_vendor_order_item_ids()
RETURNS SETOF uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
ROWS 100
SET search_path = ''
AS $$
DECLARE
    v_vendors uuid[] := ARRAY(SELECT private.current_vendor_ids());
BEGIN
    IF pg_catalog.cardinality(v_vendors) > 0 THEN
        RETURN QUERY
        SELECT oi.id FROM public.order_items AS oi WHERE oi.vendor_id = ANY (v_vendors);
    END IF;
END;
$$;
COMMENT ON FUNCTION private.current_vendor_order_item_ids() IS
'Ids of the order lines sold by the caller''s vendors, for the vendor''s arm of bookings '
'and refunds (which carry the line, not the vendor).';

REVOKE ALL ON FUNCTION private.current_patient_order_ids(),
private.current_patient_order_item_ids(),
private.current_vendor_order_item_ids() FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.current_patient_order_ids(),
private.current_patient_order_item_ids(),
private.current_vendor_order_item_ids() TO authenticated, service_role;

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
ALTER POLICY "patients read their own cart items" ON public.cart_items
USING (
    cart_id = any(array(
        SELECT c.id FROM public.carts AS c WHERE c.profile_id = (SELECT auth.uid())
    ))
);

CREATE POLICY "admins read every order" ON public.orders
FOR SELECT TO om_admin USING ((SELECT private.is_admin()));
CREATE POLICY "admins read every order item" ON public.order_items
FOR SELECT TO om_admin USING ((SELECT private.is_admin()));
CREATE POLICY "admins read every booking" ON public.service_bookings
FOR SELECT TO om_admin USING ((SELECT private.is_admin()));
CREATE POLICY "admins read every refund" ON public.refunds
FOR SELECT TO om_admin USING ((SELECT private.is_admin()));
CREATE POLICY "admins read every order file" ON public.order_artifacts
FOR SELECT TO om_admin USING ((SELECT private.is_admin()));
CREATE POLICY "admins read every payout" ON public.vendor_payouts
FOR SELECT TO om_admin USING ((SELECT private.is_admin()));
CREATE POLICY "admins read every coupon" ON public.coupons
FOR SELECT TO om_admin USING ((SELECT private.is_admin()));

COMMENT ON POLICY "admins read every order" ON public.orders IS
'The admin arm of the orders read policy, for the role of admins'' tokens (om_admin): kept '
'out of authenticated''s policy so a patient''s read is an index read.';
COMMENT ON POLICY "admins read every order item" ON public.order_items IS
'The admin arm of the order_items read policy, for om_admin (see admin_role).';
COMMENT ON POLICY "admins read every booking" ON public.service_bookings IS
'The admin arm of the service_bookings read policy, for om_admin (see admin_role).';
COMMENT ON POLICY "admins read every refund" ON public.refunds IS
'The admin arm of the refunds read policy, for om_admin (see admin_role).';
COMMENT ON POLICY "admins read every order file" ON public.order_artifacts IS
'The admin arm of the order_artifacts read policy, for om_admin (see admin_role).';
COMMENT ON POLICY "admins read every payout" ON public.vendor_payouts IS
'The admin arm of the vendor_payouts read policy, for om_admin (see admin_role).';
COMMENT ON POLICY "admins read every coupon" ON public.coupons IS
'Admins read inactive coupons too, as om_admin (see admin_role).';

COMMIT;
