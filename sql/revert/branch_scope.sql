-- Revert onemedi:branch_scope from pg

BEGIN;

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
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change inventory"
ON public.medicine_inventory
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove inventory"
ON public.medicine_inventory
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins add lab prices"
ON public.lab_pricing
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change lab prices"
ON public.lab_pricing
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove lab prices"
ON public.lab_pricing
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins add scan prices"
ON public.scan_pricing
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change scan prices"
ON public.scan_pricing
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove scan prices"
ON public.scan_pricing
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins add consultation fees"
ON public.consult_pricing
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change consultation fees"
ON public.consult_pricing
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove consultation fees"
ON public.consult_pricing
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins add slots"
ON public.availability_slots
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change slots"
ON public.availability_slots
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove slots"
ON public.availability_slots
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

DROP FUNCTION private.writable_branch_ids();

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

COMMIT;
