-- Deploy onemedi:security_helpers to pg
-- requires: profiles
-- requires: roles
-- requires: vendors
-- requires: vendor_staff
-- requires: order_items
-- The one place that decides who is an admin and who belongs to which vendor (design
-- section 4.A). Policies call these helpers wrapped as (select ...) and never repeat their
-- joins.

BEGIN;

CREATE FUNCTION public.is_admin()
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
    SELECT EXISTS (
        SELECT 1
        FROM public.profiles AS p
        INNER JOIN public.roles AS r ON p.role_id = r.id
        WHERE p.id = (SELECT auth.uid()) AND r.name = 'ADMIN'
    );
$$;

COMMENT ON FUNCTION public.is_admin() IS
'True when the calling user''s profile has the role ADMIN (profiles.role_id -> roles.name); '
'false for anon, for users without a profile and for everyone else. Never raises. Call it '
'in policies as (select public.is_admin()) so it runs once per statement.';

CREATE FUNCTION public.current_vendor_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
ROWS 4
SET search_path = ''
AS $$
    SELECT s.vendor_id
    FROM public.vendor_staff AS s
    WHERE s.user_id = (SELECT auth.uid())
    UNION
    SELECT v.id
    FROM public.vendors AS v
    WHERE v.owner_id = (SELECT auth.uid());
$$;

COMMENT ON FUNCTION public.current_vendor_ids() IS
'The vendors the calling user belongs to: those with a vendor_staff row for the user (any '
'access level) plus those the user owns (vendors.owner_id). Empty for anon and for '
'patients. Never raises. Policies use it as vendor_id IN (SELECT '
'public.current_vendor_ids()), computed once per statement.';

CREATE FUNCTION public.managed_vendor_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
ROWS 4
SET search_path = ''
AS $$
    SELECT s.vendor_id
    FROM public.vendor_staff AS s
    WHERE s.user_id = (SELECT auth.uid()) AND s.access_level = 'ADMIN'
    UNION
    SELECT v.id
    FROM public.vendors AS v
    WHERE v.owner_id = (SELECT auth.uid());
$$;

COMMENT ON FUNCTION public.managed_vendor_ids() IS
'The vendors the calling user manages: those they own plus those where their vendor_staff '
'row has access_level ADMIN. A subset of current_vendor_ids(). Used where a vendor '
'manages its staff and its own record. Never raises.';

CREATE FUNCTION public.writable_vendor_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
ROWS 4
SET search_path = ''
AS $$
    SELECT s.vendor_id
    FROM public.vendor_staff AS s
    WHERE s.user_id = (SELECT auth.uid()) AND s.access_level <> 'VIEWER'
    UNION
    SELECT v.id
    FROM public.vendors AS v
    WHERE v.owner_id = (SELECT auth.uid());
$$;

COMMENT ON FUNCTION public.writable_vendor_ids() IS
'The vendors whose data the calling user may change: those they own plus those where their '
'vendor_staff row is not VIEWER (read only). A subset of current_vendor_ids(). Used by the '
'write policies of inventory, pricing and slots. Never raises.';

CREATE FUNCTION public.has_vendor_access(p_vendor_id uuid)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
    SELECT p_vendor_id IN (SELECT public.current_vendor_ids());
$$;

COMMENT ON FUNCTION public.has_vendor_access(uuid) IS
'True when the calling user belongs to vendor p_vendor_id (staff or owner, as '
'current_vendor_ids() decides); false otherwise, NULL for a NULL vendor. Never raises. For '
'application code and single checks; policies use the set form current_vendor_ids(), '
'which is evaluated once per statement instead of once per row.';

CREATE FUNCTION public.current_vendor_order_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
    SELECT DISTINCT oi.order_id
    FROM public.order_items AS oi
    WHERE oi.vendor_id IN (SELECT public.current_vendor_ids());
$$;

COMMENT ON FUNCTION public.current_vendor_order_ids() IS
'The orders that contain at least one item of a vendor the calling user belongs to. '
'SECURITY DEFINER so that the orders policy can ask it without recursing through the '
'order_items policy (which itself looks at orders). Empty for anon and patients; never '
'raises.';

REVOKE EXECUTE ON FUNCTION public.is_admin() FROM public, anon;
REVOKE EXECUTE ON FUNCTION public.current_vendor_ids() FROM public, anon;
REVOKE EXECUTE ON FUNCTION public.managed_vendor_ids() FROM public, anon;
REVOKE EXECUTE ON FUNCTION public.writable_vendor_ids() FROM public, anon;
REVOKE EXECUTE ON FUNCTION public.has_vendor_access(uuid) FROM public, anon;
REVOKE EXECUTE ON FUNCTION public.current_vendor_order_ids() FROM public, anon;
GRANT EXECUTE ON FUNCTION public.is_admin() TO authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.current_vendor_ids() TO authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.managed_vendor_ids() TO authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.writable_vendor_ids() TO authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.has_vendor_access(uuid) TO authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.current_vendor_order_ids() TO authenticated, service_role;

COMMIT;
