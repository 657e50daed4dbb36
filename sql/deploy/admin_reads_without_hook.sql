-- Deploy onemedi:admin_reads_without_hook to pg
-- requires: read_policies_index_paths
-- Admins whose request arrives as authenticated read every row again, as they did in 1.0.0.
-- read_policies_index_paths gave admins their rows only through the role om_admin, which
-- custom_access_token_hook names in an ADMIN's token; a project that has not enabled the
-- hook, and every admin token issued before it was enabled, arrived as authenticated and
-- read like a patient: an upgrade took the support desk's reads away.
-- The admin arm comes back into authenticated's seven read policies as index conditions,
-- not as `OR (SELECT is_admin())` (a value no index serves, which made every patient's read
-- a sequential scan): the primary key and a second indexed uuid column, each BETWEEN
-- (SELECT private.admin_id_floor()) and the greatest uuid. For an admin the floor is the
-- least uuid, so every row passes; for anyone else it is NULL, and a B-tree probe with a
-- NULL bound returns at once, so a patient's read stays a BitmapOr of index probes.
-- Why two columns: the planner costs a range with an unknown bound at 0.5% of the table,
-- and at that size it prefers walking the created_at index and filtering, which reads the
-- whole index for a patient with no orders (270 ms at 1M orders, measured); two ranges are
-- costed at 0.0025%, which keeps the bitmap the cheaper plan (at 100k and 1M orders, and
-- in the planner's arithmetic while a patient's own rows stay a small share). An admin without the
-- hook reads every row through two whole-index bitmaps, slower than 1.0.0's scan
-- (docs/benchmarks.md); with the hook, through om_admin and an ordered index read.

BEGIN;

CREATE FUNCTION private.admin_id_floor()
RETURNS uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    IF private.is_admin() THEN
        RETURN '00000000-0000-0000-0000-000000000000'::uuid;
    END IF;
    RETURN NULL;
END;
$$;
COMMENT ON FUNCTION private.admin_id_floor() IS
'The least uuid for an admin, NULL for anyone else: the lower bound of the admin arm of '
'authenticated''s read policies, whose keys then run from it to the greatest uuid '
'(admin_reads_without_hook).';

REVOKE ALL ON FUNCTION private.admin_id_floor() FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.admin_id_floor() TO authenticated, service_role;

ALTER POLICY "patients read their own orders, vendors theirs, admins all" ON public.orders
USING (
    profile_id = (SELECT auth.uid())
    OR id = any(array(SELECT private.current_vendor_order_ids()))
    OR (
        id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
        AND profile_id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
    )
);
ALTER POLICY "patients read their order items, vendors own lines, admins all"
ON public.order_items
USING (
    order_id = any(array(SELECT private.current_patient_order_ids()))
    OR vendor_id = any(array(SELECT private.current_vendor_ids()))
    OR (
        id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
        AND order_id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
    )
);
ALTER POLICY "patients read their bookings, vendors theirs, admins all"
ON public.service_bookings
USING (
    patient_id = (SELECT auth.uid())
    OR order_item_id = any(array(SELECT private.current_vendor_order_item_ids()))
    OR (
        id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
        AND patient_id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
    )
);
ALTER POLICY "patients read their refunds, vendors theirs, admins all" ON public.refunds
USING (
    order_item_id = any(array(SELECT private.current_patient_order_item_ids()))
    OR order_item_id = any(array(SELECT private.current_vendor_order_item_ids()))
    OR (
        id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
        AND order_item_id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
    )
);
ALTER POLICY "patients and their vendors read order files, admins all"
ON public.order_artifacts
USING (
    order_id = any(array(SELECT private.current_patient_order_ids()))
    OR order_id = any(array(SELECT private.current_vendor_order_ids()))
    OR (
        id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
        AND order_id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
    )
);
ALTER POLICY "vendor members read their payouts, admins all" ON public.vendor_payouts
USING (
    vendor_id = any(array(SELECT private.current_vendor_ids()))
    OR (
        id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
        AND vendor_id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
    )
);
ALTER POLICY "users read active coupons, admins all" ON public.coupons
USING (
    is_active
    OR (
        id BETWEEN (SELECT private.admin_id_floor())
        AND 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
    )
);

COMMIT;
