-- Deploy onemedi:branch_scope to pg
-- requires: security_helpers
-- requires: rls_catalog_pricing
-- requires: consult_pricing
-- requires: private_schema
-- Staff tied to one branch (vendor_staff.branch_id) change the stock, prices, fees and slots
-- of that branch only; a NULL branch means the whole vendor, and VIEWER still reads only.
-- Owners and vendor-wide staff keep every branch (writable_vendor_ids), branch staff get
-- theirs (writable_branch_ids), and managing the vendor itself (its record, staff and
-- branches) needs a vendor-wide ADMIN row or ownership (managed_vendor_ids).

BEGIN;

CREATE OR REPLACE FUNCTION public.managed_vendor_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
ROWS 4
SET search_path = ''
AS $$
    SELECT s.vendor_id
    FROM public.vendor_staff AS s
    WHERE
        s.user_id = (SELECT auth.uid())
        AND s.access_level = 'ADMIN'
        AND s.branch_id IS NULL
    UNION
    SELECT v.id
    FROM public.vendors AS v
    WHERE v.owner_id = (SELECT auth.uid());
$$;

COMMENT ON FUNCTION public.managed_vendor_ids() IS
'The vendors the calling user manages as a whole: those they own plus those where their '
'vendor_staff row has access_level ADMIN and no branch (a branch ADMIN manages only that '
'branch''s stock, prices and slots, see writable_branch_ids()). A subset of '
'current_vendor_ids(). Used where a vendor manages its staff and its own record. Never '
'raises.';

CREATE OR REPLACE FUNCTION public.writable_vendor_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
ROWS 4
SET search_path = ''
AS $$
    SELECT s.vendor_id
    FROM public.vendor_staff AS s
    WHERE
        s.user_id = (SELECT auth.uid())
        AND s.access_level <> 'VIEWER'
        AND s.branch_id IS NULL
    UNION
    SELECT v.id
    FROM public.vendors AS v
    WHERE v.owner_id = (SELECT auth.uid());
$$;

COMMENT ON FUNCTION public.writable_vendor_ids() IS
'The vendors whose data the calling user may change at every branch: those they own plus '
'those where their vendor_staff row is not VIEWER (read only) and names no branch (NULL '
'branch means the whole vendor). Staff of one branch get that branch from '
'writable_branch_ids() instead. A subset of current_vendor_ids(). Never raises.';

CREATE FUNCTION private.writable_branch_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
ROWS 4
SET search_path = ''
AS $$
    SELECT s.branch_id
    FROM public.vendor_staff AS s
    WHERE
        s.user_id = (SELECT auth.uid())
        AND s.access_level <> 'VIEWER'
        AND s.branch_id IS NOT NULL;
$$;

COMMENT ON FUNCTION private.writable_branch_ids() IS
'The branches (vendor_locations ids) whose stock, prices and slots the calling user may '
'change as staff of that one branch: vendor_staff rows with a branch and an access level '
'other than VIEWER. Empty for owners and vendor-wide staff (writable_vendor_ids() covers '
'them), anon and patients. Never raises.';

REVOKE ALL ON FUNCTION private.writable_branch_ids()
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.writable_branch_ids() TO authenticated, service_role;

DROP POLICY "vendor staff and admins add inventory" ON public.medicine_inventory;
DROP POLICY "vendor staff and admins change inventory" ON public.medicine_inventory;
DROP POLICY "vendor staff and admins remove inventory" ON public.medicine_inventory;
DROP POLICY "vendor staff and admins add lab prices" ON public.lab_pricing;
DROP POLICY "vendor staff and admins change lab prices" ON public.lab_pricing;
DROP POLICY "vendor staff and admins remove lab prices" ON public.lab_pricing;
DROP POLICY "vendor staff and admins add scan prices" ON public.scan_pricing;
DROP POLICY "vendor staff and admins change scan prices" ON public.scan_pricing;
DROP POLICY "vendor staff and admins remove scan prices" ON public.scan_pricing;
DROP POLICY "vendor staff and admins add consultation fees" ON public.consult_pricing;
DROP POLICY "vendor staff and admins change consultation fees" ON public.consult_pricing;
DROP POLICY "vendor staff and admins remove consultation fees" ON public.consult_pricing;
DROP POLICY "vendor staff and admins add slots" ON public.availability_slots;
DROP POLICY "vendor staff and admins change slots" ON public.availability_slots;
DROP POLICY "vendor staff and admins remove slots" ON public.availability_slots;

CREATE POLICY "vendor staff and admins add inventory"
ON public.medicine_inventory
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change inventory"
ON public.medicine_inventory
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove inventory"
ON public.medicine_inventory
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins add lab prices"
ON public.lab_pricing
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change lab prices"
ON public.lab_pricing
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove lab prices"
ON public.lab_pricing
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins add scan prices"
ON public.scan_pricing
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change scan prices"
ON public.scan_pricing
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove scan prices"
ON public.scan_pricing
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins add consultation fees"
ON public.consult_pricing
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change consultation fees"
ON public.consult_pricing
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove consultation fees"
ON public.consult_pricing
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins add slots"
ON public.availability_slots
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change slots"
ON public.availability_slots
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove slots"
ON public.availability_slots
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR branch_id IN (SELECT private.writable_branch_ids())
    OR (SELECT public.is_admin())
);

COMMIT;
