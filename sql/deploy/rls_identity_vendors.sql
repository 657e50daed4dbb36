-- Deploy onemedi:rls_identity_vendors to pg
-- requires: security_helpers
-- requires: privileged_column_guards
-- requires: vendor_kyc
-- Row level security policies of groups A and B (identity, vendors).
-- One permissive policy per table, command and role, each with an explicit
-- TO (docs/security.md).

BEGIN;

CREATE POLICY "anyone reads states"
ON public.states
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "anyone reads cities"
ON public.cities
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "signed-in users read roles"
ON public.roles
FOR SELECT
TO authenticated
USING (
    TRUE
);

CREATE POLICY "users read their own profile, admins read all"
ON public.profiles
FOR SELECT
TO authenticated
USING (
    id = (SELECT auth.uid())
    OR (SELECT public.is_admin())
);

CREATE POLICY "users create their own patient profile, admins any"
ON public.profiles
FOR INSERT
TO authenticated
WITH CHECK (
    (
        id = (SELECT auth.uid())
        AND role_id = (SELECT r.id FROM public.roles AS r WHERE r.name = 'PATIENT')
    )
    OR (SELECT public.is_admin())
);

CREATE POLICY "users change their own profile, admins any"
ON public.profiles
FOR UPDATE
TO authenticated
USING (
    id = (SELECT auth.uid())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    id = (SELECT auth.uid())
    OR (SELECT public.is_admin())
);

CREATE POLICY "patients read their own family members"
ON public.family_members
FOR SELECT
TO authenticated
USING (
    owner_id = (SELECT auth.uid())
);

CREATE POLICY "patients add their own family members"
ON public.family_members
FOR INSERT
TO authenticated
WITH CHECK (
    owner_id = (SELECT auth.uid())
);

CREATE POLICY "patients change their own family members"
ON public.family_members
FOR UPDATE
TO authenticated
USING (
    owner_id = (SELECT auth.uid())
)
WITH CHECK (
    owner_id = (SELECT auth.uid())
);

CREATE POLICY "patients remove their own family members"
ON public.family_members
FOR DELETE
TO authenticated
USING (
    owner_id = (SELECT auth.uid())
);

CREATE POLICY "patients read their own addresses"
ON public.addresses
FOR SELECT
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
);

CREATE POLICY "patients add their own addresses"
ON public.addresses
FOR INSERT
TO authenticated
WITH CHECK (
    profile_id = (SELECT auth.uid())
);

CREATE POLICY "patients change their own addresses"
ON public.addresses
FOR UPDATE
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
)
WITH CHECK (
    profile_id = (SELECT auth.uid())
);

CREATE POLICY "patients remove their own addresses"
ON public.addresses
FOR DELETE
TO authenticated
USING (
    profile_id = (SELECT auth.uid())
);

CREATE POLICY "anyone anonymous reads active vendors"
ON public.vendors
FOR SELECT
TO anon
USING (
    is_active
);

CREATE POLICY "users read active vendors and their own, admins all"
ON public.vendors
FOR SELECT
TO authenticated
USING (
    is_active
    OR id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins add vendors"
ON public.vendors
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "vendor managers change their vendor, admins any"
ON public.vendors
FOR UPDATE
TO authenticated
USING (
    id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "anyone reads vendor branches"
ON public.vendor_locations
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "vendor managers and admins add branches"
ON public.vendor_locations
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor managers and admins change branches"
ON public.vendor_locations
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor managers and admins remove branches"
ON public.vendor_locations
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor members read their vendor's staff, admins all"
ON public.vendor_staff
FOR SELECT
TO authenticated
USING (
    vendor_id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor managers and admins add staff"
ON public.vendor_staff
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor managers and admins change staff"
ON public.vendor_staff
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor managers and admins remove staff"
ON public.vendor_staff
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.managed_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor members read their KYC, admins all"
ON public.vendor_kyc
FOR SELECT
TO authenticated
USING (
    vendor_id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins add KYC records"
ON public.vendor_kyc
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change KYC records"
ON public.vendor_kyc
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

COMMIT;
