-- Deploy onemedi:vendor_orders to pg
-- requires: orders
-- requires: order_items
-- requires: order_rules_helper_plpgsql
-- requires: admin_reads_without_hook
-- A vendor's newest orders, for the vendor app's order list: `supabase.rpc('vendor_orders',
-- { p_vendor_id })`. orders has no vendor column (an order may hold several vendors'
-- lines), so `.from('orders')` finds a vendor's orders through every order id of the
-- vendor, collected and sorted before the first 50 come back (25 ms for a busy vendor at
-- 1M orders, growing with its history). This function walks the vendor's lines newest
-- first in order_items_vendor_id_created_at_idx and stops at the p_limit-th distinct
-- order, whatever the vendor's size. It is SECURITY DEFINER to read past the policies'
-- arrays, so it checks the caller itself with order_rules_acts_for_vendor (the check the
-- order moves and book_slot make): staff or owner of the vendor, or an admin, the same
-- people the orders policy lets read those orders; every column it returns is one they
-- may read there.

BEGIN;

CREATE FUNCTION public.vendor_orders(
    p_vendor_id uuid,
    p_limit integer DEFAULT 50,
    p_before timestamptz DEFAULT NULL
)
RETURNS SETOF public.orders
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_ids uuid[] := '{}';
    v_order uuid;
BEGIN
    IF (SELECT auth.uid()) IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'sign in to list a vendor''s orders',
            HINT = 'Call vendor_orders as a signed-in member of the vendor''s staff.';
    END IF;
    IF p_vendor_id IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'vendor_orders needs the vendor whose orders to list',
            HINT = 'Pass p_vendor_id, one of the vendors you work for.';
    END IF;
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 200 THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'vendor_orders returns 1 to 200 orders, not %s', coalesce(p_limit::text, 'NULL')
            ),
            HINT = 'Pass p_limit from 1 to 200 (default 50); page with p_before.';
    END IF;
    IF NOT private.order_rules_acts_for_vendor(p_vendor_id) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM130',
            MESSAGE = pg_catalog.format(
                'you are not on the staff of vendor %s, so its orders are not listed',
                p_vendor_id
            ),
            HINT = 'List the orders of a vendor you work for (vendor_staff or its owner).';
    END IF;
    FOR v_order IN
        SELECT i.order_id
        FROM public.order_items AS i
        WHERE
            i.vendor_id = p_vendor_id
            AND (p_before IS NULL OR i.created_at < p_before)
        ORDER BY i.created_at DESC
    LOOP
        IF NOT v_order = any(v_ids) THEN
            v_ids := v_ids || v_order;
            EXIT WHEN pg_catalog.cardinality(v_ids) >= p_limit;
        END IF;
    END LOOP;
    RETURN QUERY
    SELECT o.*
    FROM public.orders AS o
    WHERE o.id = any(v_ids)
    ORDER BY o.created_at DESC, o.id DESC;
END;
$$;

COMMENT ON FUNCTION public.vendor_orders(uuid, integer, timestamptz) IS
'A vendor''s newest orders (those with a line it sells), newest first, at most p_limit '
'(1 to 200, default 50); p_before, the created_at of the last order of the previous page, '
'gives the next. For its staff, its owner and admins; walks the vendor''s lines by index '
'and stops at the p_limit-th order. Errors: 42501 nobody signed in; 22004 a NULL vendor; '
'22023 p_limit outside 1 to 200; OM130 not a vendor the caller works for.';

REVOKE ALL ON FUNCTION public.vendor_orders(uuid, integer, timestamptz)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.vendor_orders(uuid, integer, timestamptz)
TO authenticated;

COMMIT;
