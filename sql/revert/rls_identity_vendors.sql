-- Revert onemedi:rls_identity_vendors from pg

BEGIN;

DROP POLICY "admins change KYC records" ON public.vendor_kyc;
DROP POLICY "admins add KYC records" ON public.vendor_kyc;
DROP POLICY "vendor members read their KYC, admins all" ON public.vendor_kyc;
DROP POLICY "vendor managers and admins remove staff" ON public.vendor_staff;
DROP POLICY "vendor managers and admins change staff" ON public.vendor_staff;
DROP POLICY "vendor managers and admins add staff" ON public.vendor_staff;
DROP POLICY "vendor members read their vendor's staff, admins all" ON public.vendor_staff;
DROP POLICY "vendor managers and admins remove branches" ON public.vendor_locations;
DROP POLICY "vendor managers and admins change branches" ON public.vendor_locations;
DROP POLICY "vendor managers and admins add branches" ON public.vendor_locations;
DROP POLICY "anyone reads vendor branches" ON public.vendor_locations;
DROP POLICY "vendor managers change their vendor, admins any" ON public.vendors;
DROP POLICY "admins add vendors" ON public.vendors;
DROP POLICY "users read active vendors and their own, admins all" ON public.vendors;
DROP POLICY "anyone anonymous reads active vendors" ON public.vendors;
DROP POLICY "patients remove their own addresses" ON public.addresses;
DROP POLICY "patients change their own addresses" ON public.addresses;
DROP POLICY "patients add their own addresses" ON public.addresses;
DROP POLICY "patients read their own addresses" ON public.addresses;
DROP POLICY "patients remove their own family members" ON public.family_members;
DROP POLICY "patients change their own family members" ON public.family_members;
DROP POLICY "patients add their own family members" ON public.family_members;
DROP POLICY "patients read their own family members" ON public.family_members;
DROP POLICY "users change their own profile, admins any" ON public.profiles;
DROP POLICY "users create their own patient profile, admins any" ON public.profiles;
DROP POLICY "users read their own profile, admins read all" ON public.profiles;
DROP POLICY "signed-in users read roles" ON public.roles;
DROP POLICY "anyone reads cities" ON public.cities;
DROP POLICY "anyone reads states" ON public.states;

COMMIT;
