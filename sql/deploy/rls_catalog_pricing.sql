-- Deploy onemedi:rls_catalog_pricing to pg
-- requires: security_helpers
-- requires: service_catalog
-- requires: availability_slots
-- requires: service_pricing
-- requires: scan_pricing
-- requires: lab_pricing
-- requires: medicine_inventory
-- requires: medicine_alternatives
-- Row level security policies of groups C, D and E (catalog, masters, pricing, slots).
-- One permissive policy per table, command and role, each with an explicit
-- TO (docs/security.md).

BEGIN;

CREATE POLICY "anyone anonymous reads active catalog entries"
ON public.service_catalog
FOR SELECT
TO anon
USING (
    is_active
);

CREATE POLICY "users read active catalog entries, admins read all"
ON public.service_catalog
FOR SELECT
TO authenticated
USING (
    is_active
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins add catalog entries"
ON public.service_catalog
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change catalog entries"
ON public.service_catalog
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove catalog entries"
ON public.service_catalog
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads medicines"
ON public.medicine_master
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add medicines"
ON public.medicine_master
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change medicines"
ON public.medicine_master
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove medicines"
ON public.medicine_master
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads medicine alternatives"
ON public.medicine_alternatives
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add medicine alternatives"
ON public.medicine_alternatives
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change medicine alternatives"
ON public.medicine_alternatives
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove medicine alternatives"
ON public.medicine_alternatives
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads lab tests"
ON public.lab_tests
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add lab tests"
ON public.lab_tests
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change lab tests"
ON public.lab_tests
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove lab tests"
ON public.lab_tests
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads scans"
ON public.scans_master
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add scans"
ON public.scans_master
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change scans"
ON public.scans_master
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove scans"
ON public.scans_master
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads doctors"
ON public.doctors
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add doctors"
ON public.doctors
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change doctors"
ON public.doctors
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove doctors"
ON public.doctors
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads services"
ON public.services_master
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "admins add services"
ON public.services_master
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change services"
ON public.services_master
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins remove services"
ON public.services_master
FOR DELETE
TO authenticated
USING (
    (SELECT public.is_admin())
);

CREATE POLICY "anyone reads inventory"
ON public.medicine_inventory
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

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

CREATE POLICY "anyone reads lab prices"
ON public.lab_pricing
FOR SELECT
TO anon, authenticated
USING (
    TRUE
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

CREATE POLICY "anyone reads scan prices"
ON public.scan_pricing
FOR SELECT
TO anon, authenticated
USING (
    TRUE
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

CREATE POLICY "anyone reads service prices"
ON public.service_pricing
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "vendor staff and admins add service prices"
ON public.service_pricing
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change service prices"
ON public.service_pricing
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

CREATE POLICY "vendor staff and admins remove service prices"
ON public.service_pricing
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "anyone reads slots"
ON public.availability_slots
FOR SELECT
TO anon, authenticated
USING (
    TRUE
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

COMMIT;
