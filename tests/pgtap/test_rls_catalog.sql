-- Every table in public has row level security on and exactly the policies of the
-- access matrix (docs/security.md); so do the storage buckets' files.
BEGIN;
SELECT plan(446);

SELECT set_eq(
    $$SELECT c.relname::text FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT c.relispartition
        AND EXISTS (
            SELECT 1 FROM unnest(ARRAY['anon', 'authenticated']) AS r (rolname)
            WHERE has_table_privilege(r.rolname, c.oid, 'SELECT, INSERT, UPDATE, DELETE')
               OR has_any_column_privilege(r.rolname, c.oid, 'SELECT, INSERT, UPDATE')
        )$$,
    ARRAY[
        'states',
        'cities',
        'roles',
        'profiles',
        'family_members',
        'addresses',
        'vendors',
        'vendor_locations',
        'vendor_staff',
        'vendor_kyc',
        'gst_registrations',
        'service_catalog',
        'medicine_master',
        'medicine_alternatives',
        'lab_tests',
        'scans_master',
        'doctors',
        'services_master',
        'medicine_inventory',
        'lab_pricing',
        'scan_pricing',
        'service_pricing',
        'availability_slots',
        'consult_pricing',
        'tax_slabs',
        'coupons',
        'carts',
        'cart_items',
        'orders',
        'coupon_redemptions',
        'order_items',
        'order_invoices',
        'service_bookings',
        'order_artifacts',
        'refunds',
        'vendor_payouts',
        'prescription_checks',
        'schedule_h1_register',
        'marketing_assets',
        'feature_flags',
        'content_master',
        'taxonomies',
        'taxonomy_terms',
        'service_taxonomy_map',
        'ui_menu_items',
        'ui_carousel_items',
        'ui_menus',
        'ui_carousels',
        'audit_logs'
    ],
    'the matrix covers exactly the tables of public that anon or authenticated reach'
);

-- states
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.states'::regclass
    ),
    'public.states has row level security enabled'
);
SELECT policies_are(
    'public', 'states',
    ARRAY[
        'anyone reads states'
    ],
    'public.states has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'states',
    'anyone reads states',
    ARRAY['anon', 'authenticated'],
    'roles of states: anyone reads states'
);
SELECT policy_cmd_is(
    'public',
    'states',
    'anyone reads states',
    'SELECT',
    'command of states: anyone reads states'
);

-- cities
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.cities'::regclass
    ),
    'public.cities has row level security enabled'
);
SELECT policies_are(
    'public', 'cities',
    ARRAY[
        'anyone reads cities'
    ],
    'public.cities has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'cities',
    'anyone reads cities',
    ARRAY['anon', 'authenticated'],
    'roles of cities: anyone reads cities'
);
SELECT policy_cmd_is(
    'public',
    'cities',
    'anyone reads cities',
    'SELECT',
    'command of cities: anyone reads cities'
);

-- roles
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.roles'::regclass
    ),
    'public.roles has row level security enabled'
);
SELECT policies_are(
    'public', 'roles',
    ARRAY[
        'signed-in users read roles'
    ],
    'public.roles has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'roles',
    'signed-in users read roles',
    ARRAY['authenticated'],
    'roles of roles: signed-in users read roles'
);
SELECT policy_cmd_is(
    'public',
    'roles',
    'signed-in users read roles',
    'SELECT',
    'command of roles: signed-in users read roles'
);

-- profiles
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.profiles'::regclass
    ),
    'public.profiles has row level security enabled'
);
SELECT policies_are(
    'public', 'profiles',
    ARRAY[
        'users read their own profile, admins read all',
        'users create their own patient profile, admins any',
        'users change their own profile, admins any'
    ],
    'public.profiles has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'profiles',
    'users read their own profile, admins read all',
    ARRAY['authenticated'],
    'roles of profiles: users read their own profile, admins read all'
);
SELECT policy_cmd_is(
    'public',
    'profiles',
    'users read their own profile, admins read all',
    'SELECT',
    'command of profiles: users read their own profile, admins read all'
);
SELECT policy_roles_are(
    'public',
    'profiles',
    'users create their own patient profile, admins any',
    ARRAY['authenticated'],
    'roles of profiles: users create their own patient profile, admins any'
);
SELECT policy_cmd_is(
    'public',
    'profiles',
    'users create their own patient profile, admins any',
    'INSERT',
    'command of profiles: users create their own patient profile, admins any'
);
SELECT policy_roles_are(
    'public',
    'profiles',
    'users change their own profile, admins any',
    ARRAY['authenticated'],
    'roles of profiles: users change their own profile, admins any'
);
SELECT policy_cmd_is(
    'public',
    'profiles',
    'users change their own profile, admins any',
    'UPDATE',
    'command of profiles: users change their own profile, admins any'
);

-- family_members
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.family_members'::regclass
    ),
    'public.family_members has row level security enabled'
);
SELECT policies_are(
    'public', 'family_members',
    ARRAY[
        'patients read their own family members',
        'patients add their own family members',
        'patients change their own family members',
        'patients remove their own family members'
    ],
    'public.family_members has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'family_members',
    'patients read their own family members',
    ARRAY['authenticated'],
    'roles of family_members: patients read their own family members'
);
SELECT policy_cmd_is(
    'public',
    'family_members',
    'patients read their own family members',
    'SELECT',
    'command of family_members: patients read their own family members'
);
SELECT policy_roles_are(
    'public',
    'family_members',
    'patients add their own family members',
    ARRAY['authenticated'],
    'roles of family_members: patients add their own family members'
);
SELECT policy_cmd_is(
    'public',
    'family_members',
    'patients add their own family members',
    'INSERT',
    'command of family_members: patients add their own family members'
);
SELECT policy_roles_are(
    'public',
    'family_members',
    'patients change their own family members',
    ARRAY['authenticated'],
    'roles of family_members: patients change their own family members'
);
SELECT policy_cmd_is(
    'public',
    'family_members',
    'patients change their own family members',
    'UPDATE',
    'command of family_members: patients change their own family members'
);
SELECT policy_roles_are(
    'public',
    'family_members',
    'patients remove their own family members',
    ARRAY['authenticated'],
    'roles of family_members: patients remove their own family members'
);
SELECT policy_cmd_is(
    'public',
    'family_members',
    'patients remove their own family members',
    'DELETE',
    'command of family_members: patients remove their own family members'
);

-- addresses
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.addresses'::regclass
    ),
    'public.addresses has row level security enabled'
);
SELECT policies_are(
    'public', 'addresses',
    ARRAY[
        'patients read their own addresses',
        'patients add their own addresses',
        'patients change their own addresses',
        'patients remove their own addresses'
    ],
    'public.addresses has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'addresses',
    'patients read their own addresses',
    ARRAY['authenticated'],
    'roles of addresses: patients read their own addresses'
);
SELECT policy_cmd_is(
    'public',
    'addresses',
    'patients read their own addresses',
    'SELECT',
    'command of addresses: patients read their own addresses'
);
SELECT policy_roles_are(
    'public',
    'addresses',
    'patients add their own addresses',
    ARRAY['authenticated'],
    'roles of addresses: patients add their own addresses'
);
SELECT policy_cmd_is(
    'public',
    'addresses',
    'patients add their own addresses',
    'INSERT',
    'command of addresses: patients add their own addresses'
);
SELECT policy_roles_are(
    'public',
    'addresses',
    'patients change their own addresses',
    ARRAY['authenticated'],
    'roles of addresses: patients change their own addresses'
);
SELECT policy_cmd_is(
    'public',
    'addresses',
    'patients change their own addresses',
    'UPDATE',
    'command of addresses: patients change their own addresses'
);
SELECT policy_roles_are(
    'public',
    'addresses',
    'patients remove their own addresses',
    ARRAY['authenticated'],
    'roles of addresses: patients remove their own addresses'
);
SELECT policy_cmd_is(
    'public',
    'addresses',
    'patients remove their own addresses',
    'DELETE',
    'command of addresses: patients remove their own addresses'
);

-- vendors
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.vendors'::regclass
    ),
    'public.vendors has row level security enabled'
);
SELECT policies_are(
    'public', 'vendors',
    ARRAY[
        'anyone anonymous reads active vendors',
        'users read active vendors and their own, admins all',
        'admins add vendors',
        'vendor managers change their vendor, admins any'
    ],
    'public.vendors has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'vendors',
    'anyone anonymous reads active vendors',
    ARRAY['anon'],
    'roles of vendors: anyone anonymous reads active vendors'
);
SELECT policy_cmd_is(
    'public',
    'vendors',
    'anyone anonymous reads active vendors',
    'SELECT',
    'command of vendors: anyone anonymous reads active vendors'
);
SELECT policy_roles_are(
    'public',
    'vendors',
    'users read active vendors and their own, admins all',
    ARRAY['authenticated'],
    'roles of vendors: users read active vendors and their own, admins all'
);
SELECT policy_cmd_is(
    'public',
    'vendors',
    'users read active vendors and their own, admins all',
    'SELECT',
    'command of vendors: users read active vendors and their own, admins all'
);
SELECT policy_roles_are(
    'public',
    'vendors',
    'admins add vendors',
    ARRAY['authenticated'],
    'roles of vendors: admins add vendors'
);
SELECT policy_cmd_is(
    'public',
    'vendors',
    'admins add vendors',
    'INSERT',
    'command of vendors: admins add vendors'
);
SELECT policy_roles_are(
    'public',
    'vendors',
    'vendor managers change their vendor, admins any',
    ARRAY['authenticated'],
    'roles of vendors: vendor managers change their vendor, admins any'
);
SELECT policy_cmd_is(
    'public',
    'vendors',
    'vendor managers change their vendor, admins any',
    'UPDATE',
    'command of vendors: vendor managers change their vendor, admins any'
);

-- vendor_locations
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.vendor_locations'::regclass
    ),
    'public.vendor_locations has row level security enabled'
);
SELECT policies_are(
    'public', 'vendor_locations',
    ARRAY[
        'anyone reads vendor branches',
        'vendor managers and admins add branches',
        'vendor managers and admins change branches',
        'vendor managers and admins remove branches'
    ],
    'public.vendor_locations has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'vendor_locations',
    'anyone reads vendor branches',
    ARRAY['anon', 'authenticated'],
    'roles of vendor_locations: anyone reads vendor branches'
);
SELECT policy_cmd_is(
    'public',
    'vendor_locations',
    'anyone reads vendor branches',
    'SELECT',
    'command of vendor_locations: anyone reads vendor branches'
);
SELECT policy_roles_are(
    'public',
    'vendor_locations',
    'vendor managers and admins add branches',
    ARRAY['authenticated'],
    'roles of vendor_locations: vendor managers and admins add branches'
);
SELECT policy_cmd_is(
    'public',
    'vendor_locations',
    'vendor managers and admins add branches',
    'INSERT',
    'command of vendor_locations: vendor managers and admins add branches'
);
SELECT policy_roles_are(
    'public',
    'vendor_locations',
    'vendor managers and admins change branches',
    ARRAY['authenticated'],
    'roles of vendor_locations: vendor managers and admins change branches'
);
SELECT policy_cmd_is(
    'public',
    'vendor_locations',
    'vendor managers and admins change branches',
    'UPDATE',
    'command of vendor_locations: vendor managers and admins change branches'
);
SELECT policy_roles_are(
    'public',
    'vendor_locations',
    'vendor managers and admins remove branches',
    ARRAY['authenticated'],
    'roles of vendor_locations: vendor managers and admins remove branches'
);
SELECT policy_cmd_is(
    'public',
    'vendor_locations',
    'vendor managers and admins remove branches',
    'DELETE',
    'command of vendor_locations: vendor managers and admins remove branches'
);

-- vendor_staff
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.vendor_staff'::regclass
    ),
    'public.vendor_staff has row level security enabled'
);
SELECT policies_are(
    'public', 'vendor_staff',
    ARRAY[
        'vendor members read their vendor''s staff, admins all',
        'vendor managers and admins add staff',
        'vendor managers and admins change staff',
        'vendor managers and admins remove staff'
    ],
    'public.vendor_staff has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'vendor_staff',
    'vendor members read their vendor''s staff, admins all',
    ARRAY['authenticated'],
    'roles of vendor_staff: vendor members read their vendor''s staff, admins all'
);
SELECT policy_cmd_is(
    'public',
    'vendor_staff',
    'vendor members read their vendor''s staff, admins all',
    'SELECT',
    'command of vendor_staff: vendor members read their vendor''s staff, admins all'
);
SELECT policy_roles_are(
    'public',
    'vendor_staff',
    'vendor managers and admins add staff',
    ARRAY['authenticated'],
    'roles of vendor_staff: vendor managers and admins add staff'
);
SELECT policy_cmd_is(
    'public',
    'vendor_staff',
    'vendor managers and admins add staff',
    'INSERT',
    'command of vendor_staff: vendor managers and admins add staff'
);
SELECT policy_roles_are(
    'public',
    'vendor_staff',
    'vendor managers and admins change staff',
    ARRAY['authenticated'],
    'roles of vendor_staff: vendor managers and admins change staff'
);
SELECT policy_cmd_is(
    'public',
    'vendor_staff',
    'vendor managers and admins change staff',
    'UPDATE',
    'command of vendor_staff: vendor managers and admins change staff'
);
SELECT policy_roles_are(
    'public',
    'vendor_staff',
    'vendor managers and admins remove staff',
    ARRAY['authenticated'],
    'roles of vendor_staff: vendor managers and admins remove staff'
);
SELECT policy_cmd_is(
    'public',
    'vendor_staff',
    'vendor managers and admins remove staff',
    'DELETE',
    'command of vendor_staff: vendor managers and admins remove staff'
);

-- vendor_kyc
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.vendor_kyc'::regclass
    ),
    'public.vendor_kyc has row level security enabled'
);
SELECT policies_are(
    'public', 'vendor_kyc',
    ARRAY[
        'vendor members read their KYC, admins all',
        'admins add KYC records',
        'admins change KYC records'
    ],
    'public.vendor_kyc has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'vendor_kyc',
    'vendor members read their KYC, admins all',
    ARRAY['authenticated'],
    'roles of vendor_kyc: vendor members read their KYC, admins all'
);
SELECT policy_cmd_is(
    'public',
    'vendor_kyc',
    'vendor members read their KYC, admins all',
    'SELECT',
    'command of vendor_kyc: vendor members read their KYC, admins all'
);
SELECT policy_roles_are(
    'public',
    'vendor_kyc',
    'admins add KYC records',
    ARRAY['authenticated'],
    'roles of vendor_kyc: admins add KYC records'
);
SELECT policy_cmd_is(
    'public',
    'vendor_kyc',
    'admins add KYC records',
    'INSERT',
    'command of vendor_kyc: admins add KYC records'
);
SELECT policy_roles_are(
    'public',
    'vendor_kyc',
    'admins change KYC records',
    ARRAY['authenticated'],
    'roles of vendor_kyc: admins change KYC records'
);
SELECT policy_cmd_is(
    'public',
    'vendor_kyc',
    'admins change KYC records',
    'UPDATE',
    'command of vendor_kyc: admins change KYC records'
);

-- gst_registrations
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.gst_registrations'::regclass
    ),
    'public.gst_registrations has row level security enabled'
);
SELECT policies_are(
    'public', 'gst_registrations',
    ARRAY[
        'vendor members read their GST registrations, admins all',
        'admins add GST registrations',
        'admins change GST registrations'
    ],
    'public.gst_registrations has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'gst_registrations',
    'vendor members read their GST registrations, admins all',
    ARRAY['authenticated'],
    'roles of gst_registrations: vendor members read their GST registrations, admins all'
);
SELECT policy_cmd_is(
    'public',
    'gst_registrations',
    'vendor members read their GST registrations, admins all',
    'SELECT',
    'command of gst_registrations: vendor members read their GST registrations, admins all'
);
SELECT policy_roles_are(
    'public',
    'gst_registrations',
    'admins add GST registrations',
    ARRAY['authenticated'],
    'roles of gst_registrations: admins add GST registrations'
);
SELECT policy_cmd_is(
    'public',
    'gst_registrations',
    'admins add GST registrations',
    'INSERT',
    'command of gst_registrations: admins add GST registrations'
);
SELECT policy_roles_are(
    'public',
    'gst_registrations',
    'admins change GST registrations',
    ARRAY['authenticated'],
    'roles of gst_registrations: admins change GST registrations'
);
SELECT policy_cmd_is(
    'public',
    'gst_registrations',
    'admins change GST registrations',
    'UPDATE',
    'command of gst_registrations: admins change GST registrations'
);

-- service_catalog
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.service_catalog'::regclass
    ),
    'public.service_catalog has row level security enabled'
);
SELECT policies_are(
    'public', 'service_catalog',
    ARRAY[
        'anyone anonymous reads active catalog entries',
        'users read active catalog entries, admins read all',
        'admins add catalog entries',
        'admins change catalog entries',
        'admins remove catalog entries'
    ],
    'public.service_catalog has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'service_catalog',
    'anyone anonymous reads active catalog entries',
    ARRAY['anon'],
    'roles of service_catalog: anyone anonymous reads active catalog entries'
);
SELECT policy_cmd_is(
    'public',
    'service_catalog',
    'anyone anonymous reads active catalog entries',
    'SELECT',
    'command of service_catalog: anyone anonymous reads active catalog entries'
);
SELECT policy_roles_are(
    'public',
    'service_catalog',
    'users read active catalog entries, admins read all',
    ARRAY['authenticated'],
    'roles of service_catalog: users read active catalog entries, admins read all'
);
SELECT policy_cmd_is(
    'public',
    'service_catalog',
    'users read active catalog entries, admins read all',
    'SELECT',
    'command of service_catalog: users read active catalog entries, admins read all'
);
SELECT policy_roles_are(
    'public',
    'service_catalog',
    'admins add catalog entries',
    ARRAY['authenticated'],
    'roles of service_catalog: admins add catalog entries'
);
SELECT policy_cmd_is(
    'public',
    'service_catalog',
    'admins add catalog entries',
    'INSERT',
    'command of service_catalog: admins add catalog entries'
);
SELECT policy_roles_are(
    'public',
    'service_catalog',
    'admins change catalog entries',
    ARRAY['authenticated'],
    'roles of service_catalog: admins change catalog entries'
);
SELECT policy_cmd_is(
    'public',
    'service_catalog',
    'admins change catalog entries',
    'UPDATE',
    'command of service_catalog: admins change catalog entries'
);
SELECT policy_roles_are(
    'public',
    'service_catalog',
    'admins remove catalog entries',
    ARRAY['authenticated'],
    'roles of service_catalog: admins remove catalog entries'
);
SELECT policy_cmd_is(
    'public',
    'service_catalog',
    'admins remove catalog entries',
    'DELETE',
    'command of service_catalog: admins remove catalog entries'
);

-- medicine_master
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.medicine_master'::regclass
    ),
    'public.medicine_master has row level security enabled'
);
SELECT policies_are(
    'public', 'medicine_master',
    ARRAY[
        'anyone reads medicines',
        'admins add medicines',
        'admins change medicines',
        'admins remove medicines'
    ],
    'public.medicine_master has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'medicine_master',
    'anyone reads medicines',
    ARRAY['anon', 'authenticated'],
    'roles of medicine_master: anyone reads medicines'
);
SELECT policy_cmd_is(
    'public',
    'medicine_master',
    'anyone reads medicines',
    'SELECT',
    'command of medicine_master: anyone reads medicines'
);
SELECT policy_roles_are(
    'public',
    'medicine_master',
    'admins add medicines',
    ARRAY['authenticated'],
    'roles of medicine_master: admins add medicines'
);
SELECT policy_cmd_is(
    'public',
    'medicine_master',
    'admins add medicines',
    'INSERT',
    'command of medicine_master: admins add medicines'
);
SELECT policy_roles_are(
    'public',
    'medicine_master',
    'admins change medicines',
    ARRAY['authenticated'],
    'roles of medicine_master: admins change medicines'
);
SELECT policy_cmd_is(
    'public',
    'medicine_master',
    'admins change medicines',
    'UPDATE',
    'command of medicine_master: admins change medicines'
);
SELECT policy_roles_are(
    'public',
    'medicine_master',
    'admins remove medicines',
    ARRAY['authenticated'],
    'roles of medicine_master: admins remove medicines'
);
SELECT policy_cmd_is(
    'public',
    'medicine_master',
    'admins remove medicines',
    'DELETE',
    'command of medicine_master: admins remove medicines'
);

-- medicine_alternatives
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.medicine_alternatives'::regclass
    ),
    'public.medicine_alternatives has row level security enabled'
);
SELECT policies_are(
    'public', 'medicine_alternatives',
    ARRAY[
        'anyone reads medicine alternatives',
        'admins add medicine alternatives',
        'admins change medicine alternatives',
        'admins remove medicine alternatives'
    ],
    'public.medicine_alternatives has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'medicine_alternatives',
    'anyone reads medicine alternatives',
    ARRAY['anon', 'authenticated'],
    'roles of medicine_alternatives: anyone reads medicine alternatives'
);
SELECT policy_cmd_is(
    'public',
    'medicine_alternatives',
    'anyone reads medicine alternatives',
    'SELECT',
    'command of medicine_alternatives: anyone reads medicine alternatives'
);
SELECT policy_roles_are(
    'public',
    'medicine_alternatives',
    'admins add medicine alternatives',
    ARRAY['authenticated'],
    'roles of medicine_alternatives: admins add medicine alternatives'
);
SELECT policy_cmd_is(
    'public',
    'medicine_alternatives',
    'admins add medicine alternatives',
    'INSERT',
    'command of medicine_alternatives: admins add medicine alternatives'
);
SELECT policy_roles_are(
    'public',
    'medicine_alternatives',
    'admins change medicine alternatives',
    ARRAY['authenticated'],
    'roles of medicine_alternatives: admins change medicine alternatives'
);
SELECT policy_cmd_is(
    'public',
    'medicine_alternatives',
    'admins change medicine alternatives',
    'UPDATE',
    'command of medicine_alternatives: admins change medicine alternatives'
);
SELECT policy_roles_are(
    'public',
    'medicine_alternatives',
    'admins remove medicine alternatives',
    ARRAY['authenticated'],
    'roles of medicine_alternatives: admins remove medicine alternatives'
);
SELECT policy_cmd_is(
    'public',
    'medicine_alternatives',
    'admins remove medicine alternatives',
    'DELETE',
    'command of medicine_alternatives: admins remove medicine alternatives'
);

-- lab_tests
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.lab_tests'::regclass
    ),
    'public.lab_tests has row level security enabled'
);
SELECT policies_are(
    'public', 'lab_tests',
    ARRAY[
        'anyone reads lab tests',
        'admins add lab tests',
        'admins change lab tests',
        'admins remove lab tests'
    ],
    'public.lab_tests has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'lab_tests',
    'anyone reads lab tests',
    ARRAY['anon', 'authenticated'],
    'roles of lab_tests: anyone reads lab tests'
);
SELECT policy_cmd_is(
    'public',
    'lab_tests',
    'anyone reads lab tests',
    'SELECT',
    'command of lab_tests: anyone reads lab tests'
);
SELECT policy_roles_are(
    'public',
    'lab_tests',
    'admins add lab tests',
    ARRAY['authenticated'],
    'roles of lab_tests: admins add lab tests'
);
SELECT policy_cmd_is(
    'public',
    'lab_tests',
    'admins add lab tests',
    'INSERT',
    'command of lab_tests: admins add lab tests'
);
SELECT policy_roles_are(
    'public',
    'lab_tests',
    'admins change lab tests',
    ARRAY['authenticated'],
    'roles of lab_tests: admins change lab tests'
);
SELECT policy_cmd_is(
    'public',
    'lab_tests',
    'admins change lab tests',
    'UPDATE',
    'command of lab_tests: admins change lab tests'
);
SELECT policy_roles_are(
    'public',
    'lab_tests',
    'admins remove lab tests',
    ARRAY['authenticated'],
    'roles of lab_tests: admins remove lab tests'
);
SELECT policy_cmd_is(
    'public',
    'lab_tests',
    'admins remove lab tests',
    'DELETE',
    'command of lab_tests: admins remove lab tests'
);

-- scans_master
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.scans_master'::regclass
    ),
    'public.scans_master has row level security enabled'
);
SELECT policies_are(
    'public', 'scans_master',
    ARRAY[
        'anyone reads scans',
        'admins add scans',
        'admins change scans',
        'admins remove scans'
    ],
    'public.scans_master has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'scans_master',
    'anyone reads scans',
    ARRAY['anon', 'authenticated'],
    'roles of scans_master: anyone reads scans'
);
SELECT policy_cmd_is(
    'public',
    'scans_master',
    'anyone reads scans',
    'SELECT',
    'command of scans_master: anyone reads scans'
);
SELECT policy_roles_are(
    'public',
    'scans_master',
    'admins add scans',
    ARRAY['authenticated'],
    'roles of scans_master: admins add scans'
);
SELECT policy_cmd_is(
    'public',
    'scans_master',
    'admins add scans',
    'INSERT',
    'command of scans_master: admins add scans'
);
SELECT policy_roles_are(
    'public',
    'scans_master',
    'admins change scans',
    ARRAY['authenticated'],
    'roles of scans_master: admins change scans'
);
SELECT policy_cmd_is(
    'public',
    'scans_master',
    'admins change scans',
    'UPDATE',
    'command of scans_master: admins change scans'
);
SELECT policy_roles_are(
    'public',
    'scans_master',
    'admins remove scans',
    ARRAY['authenticated'],
    'roles of scans_master: admins remove scans'
);
SELECT policy_cmd_is(
    'public',
    'scans_master',
    'admins remove scans',
    'DELETE',
    'command of scans_master: admins remove scans'
);

-- doctors
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.doctors'::regclass
    ),
    'public.doctors has row level security enabled'
);
SELECT policies_are(
    'public', 'doctors',
    ARRAY[
        'anyone reads doctors',
        'admins add doctors',
        'admins change doctors',
        'admins remove doctors'
    ],
    'public.doctors has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'doctors',
    'anyone reads doctors',
    ARRAY['anon', 'authenticated'],
    'roles of doctors: anyone reads doctors'
);
SELECT policy_cmd_is(
    'public',
    'doctors',
    'anyone reads doctors',
    'SELECT',
    'command of doctors: anyone reads doctors'
);
SELECT policy_roles_are(
    'public',
    'doctors',
    'admins add doctors',
    ARRAY['authenticated'],
    'roles of doctors: admins add doctors'
);
SELECT policy_cmd_is(
    'public',
    'doctors',
    'admins add doctors',
    'INSERT',
    'command of doctors: admins add doctors'
);
SELECT policy_roles_are(
    'public',
    'doctors',
    'admins change doctors',
    ARRAY['authenticated'],
    'roles of doctors: admins change doctors'
);
SELECT policy_cmd_is(
    'public',
    'doctors',
    'admins change doctors',
    'UPDATE',
    'command of doctors: admins change doctors'
);
SELECT policy_roles_are(
    'public',
    'doctors',
    'admins remove doctors',
    ARRAY['authenticated'],
    'roles of doctors: admins remove doctors'
);
SELECT policy_cmd_is(
    'public',
    'doctors',
    'admins remove doctors',
    'DELETE',
    'command of doctors: admins remove doctors'
);

-- services_master
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.services_master'::regclass
    ),
    'public.services_master has row level security enabled'
);
SELECT policies_are(
    'public', 'services_master',
    ARRAY[
        'anyone reads services',
        'admins add services',
        'admins change services',
        'admins remove services'
    ],
    'public.services_master has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'services_master',
    'anyone reads services',
    ARRAY['anon', 'authenticated'],
    'roles of services_master: anyone reads services'
);
SELECT policy_cmd_is(
    'public',
    'services_master',
    'anyone reads services',
    'SELECT',
    'command of services_master: anyone reads services'
);
SELECT policy_roles_are(
    'public',
    'services_master',
    'admins add services',
    ARRAY['authenticated'],
    'roles of services_master: admins add services'
);
SELECT policy_cmd_is(
    'public',
    'services_master',
    'admins add services',
    'INSERT',
    'command of services_master: admins add services'
);
SELECT policy_roles_are(
    'public',
    'services_master',
    'admins change services',
    ARRAY['authenticated'],
    'roles of services_master: admins change services'
);
SELECT policy_cmd_is(
    'public',
    'services_master',
    'admins change services',
    'UPDATE',
    'command of services_master: admins change services'
);
SELECT policy_roles_are(
    'public',
    'services_master',
    'admins remove services',
    ARRAY['authenticated'],
    'roles of services_master: admins remove services'
);
SELECT policy_cmd_is(
    'public',
    'services_master',
    'admins remove services',
    'DELETE',
    'command of services_master: admins remove services'
);

-- medicine_inventory
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.medicine_inventory'::regclass
    ),
    'public.medicine_inventory has row level security enabled'
);
SELECT policies_are(
    'public', 'medicine_inventory',
    ARRAY[
        'anyone reads inventory',
        'vendor staff and admins add inventory',
        'vendor staff and admins change inventory',
        'vendor staff and admins remove inventory'
    ],
    'public.medicine_inventory has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'medicine_inventory',
    'anyone reads inventory',
    ARRAY['anon', 'authenticated'],
    'roles of medicine_inventory: anyone reads inventory'
);
SELECT policy_cmd_is(
    'public',
    'medicine_inventory',
    'anyone reads inventory',
    'SELECT',
    'command of medicine_inventory: anyone reads inventory'
);
SELECT policy_roles_are(
    'public',
    'medicine_inventory',
    'vendor staff and admins add inventory',
    ARRAY['authenticated'],
    'roles of medicine_inventory: vendor staff and admins add inventory'
);
SELECT policy_cmd_is(
    'public',
    'medicine_inventory',
    'vendor staff and admins add inventory',
    'INSERT',
    'command of medicine_inventory: vendor staff and admins add inventory'
);
SELECT policy_roles_are(
    'public',
    'medicine_inventory',
    'vendor staff and admins change inventory',
    ARRAY['authenticated'],
    'roles of medicine_inventory: vendor staff and admins change inventory'
);
SELECT policy_cmd_is(
    'public',
    'medicine_inventory',
    'vendor staff and admins change inventory',
    'UPDATE',
    'command of medicine_inventory: vendor staff and admins change inventory'
);
SELECT policy_roles_are(
    'public',
    'medicine_inventory',
    'vendor staff and admins remove inventory',
    ARRAY['authenticated'],
    'roles of medicine_inventory: vendor staff and admins remove inventory'
);
SELECT policy_cmd_is(
    'public',
    'medicine_inventory',
    'vendor staff and admins remove inventory',
    'DELETE',
    'command of medicine_inventory: vendor staff and admins remove inventory'
);

-- lab_pricing
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.lab_pricing'::regclass
    ),
    'public.lab_pricing has row level security enabled'
);
SELECT policies_are(
    'public', 'lab_pricing',
    ARRAY[
        'anyone reads lab prices',
        'vendor staff and admins add lab prices',
        'vendor staff and admins change lab prices',
        'vendor staff and admins remove lab prices'
    ],
    'public.lab_pricing has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'lab_pricing',
    'anyone reads lab prices',
    ARRAY['anon', 'authenticated'],
    'roles of lab_pricing: anyone reads lab prices'
);
SELECT policy_cmd_is(
    'public',
    'lab_pricing',
    'anyone reads lab prices',
    'SELECT',
    'command of lab_pricing: anyone reads lab prices'
);
SELECT policy_roles_are(
    'public',
    'lab_pricing',
    'vendor staff and admins add lab prices',
    ARRAY['authenticated'],
    'roles of lab_pricing: vendor staff and admins add lab prices'
);
SELECT policy_cmd_is(
    'public',
    'lab_pricing',
    'vendor staff and admins add lab prices',
    'INSERT',
    'command of lab_pricing: vendor staff and admins add lab prices'
);
SELECT policy_roles_are(
    'public',
    'lab_pricing',
    'vendor staff and admins change lab prices',
    ARRAY['authenticated'],
    'roles of lab_pricing: vendor staff and admins change lab prices'
);
SELECT policy_cmd_is(
    'public',
    'lab_pricing',
    'vendor staff and admins change lab prices',
    'UPDATE',
    'command of lab_pricing: vendor staff and admins change lab prices'
);
SELECT policy_roles_are(
    'public',
    'lab_pricing',
    'vendor staff and admins remove lab prices',
    ARRAY['authenticated'],
    'roles of lab_pricing: vendor staff and admins remove lab prices'
);
SELECT policy_cmd_is(
    'public',
    'lab_pricing',
    'vendor staff and admins remove lab prices',
    'DELETE',
    'command of lab_pricing: vendor staff and admins remove lab prices'
);

-- scan_pricing
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.scan_pricing'::regclass
    ),
    'public.scan_pricing has row level security enabled'
);
SELECT policies_are(
    'public', 'scan_pricing',
    ARRAY[
        'anyone reads scan prices',
        'vendor staff and admins add scan prices',
        'vendor staff and admins change scan prices',
        'vendor staff and admins remove scan prices'
    ],
    'public.scan_pricing has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'scan_pricing',
    'anyone reads scan prices',
    ARRAY['anon', 'authenticated'],
    'roles of scan_pricing: anyone reads scan prices'
);
SELECT policy_cmd_is(
    'public',
    'scan_pricing',
    'anyone reads scan prices',
    'SELECT',
    'command of scan_pricing: anyone reads scan prices'
);
SELECT policy_roles_are(
    'public',
    'scan_pricing',
    'vendor staff and admins add scan prices',
    ARRAY['authenticated'],
    'roles of scan_pricing: vendor staff and admins add scan prices'
);
SELECT policy_cmd_is(
    'public',
    'scan_pricing',
    'vendor staff and admins add scan prices',
    'INSERT',
    'command of scan_pricing: vendor staff and admins add scan prices'
);
SELECT policy_roles_are(
    'public',
    'scan_pricing',
    'vendor staff and admins change scan prices',
    ARRAY['authenticated'],
    'roles of scan_pricing: vendor staff and admins change scan prices'
);
SELECT policy_cmd_is(
    'public',
    'scan_pricing',
    'vendor staff and admins change scan prices',
    'UPDATE',
    'command of scan_pricing: vendor staff and admins change scan prices'
);
SELECT policy_roles_are(
    'public',
    'scan_pricing',
    'vendor staff and admins remove scan prices',
    ARRAY['authenticated'],
    'roles of scan_pricing: vendor staff and admins remove scan prices'
);
SELECT policy_cmd_is(
    'public',
    'scan_pricing',
    'vendor staff and admins remove scan prices',
    'DELETE',
    'command of scan_pricing: vendor staff and admins remove scan prices'
);

-- service_pricing
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.service_pricing'::regclass
    ),
    'public.service_pricing has row level security enabled'
);
SELECT policies_are(
    'public', 'service_pricing',
    ARRAY[
        'anyone reads service prices',
        'vendor staff and admins add service prices',
        'vendor staff and admins change service prices',
        'vendor staff and admins remove service prices'
    ],
    'public.service_pricing has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'service_pricing',
    'anyone reads service prices',
    ARRAY['anon', 'authenticated'],
    'roles of service_pricing: anyone reads service prices'
);
SELECT policy_cmd_is(
    'public',
    'service_pricing',
    'anyone reads service prices',
    'SELECT',
    'command of service_pricing: anyone reads service prices'
);
SELECT policy_roles_are(
    'public',
    'service_pricing',
    'vendor staff and admins add service prices',
    ARRAY['authenticated'],
    'roles of service_pricing: vendor staff and admins add service prices'
);
SELECT policy_cmd_is(
    'public',
    'service_pricing',
    'vendor staff and admins add service prices',
    'INSERT',
    'command of service_pricing: vendor staff and admins add service prices'
);
SELECT policy_roles_are(
    'public',
    'service_pricing',
    'vendor staff and admins change service prices',
    ARRAY['authenticated'],
    'roles of service_pricing: vendor staff and admins change service prices'
);
SELECT policy_cmd_is(
    'public',
    'service_pricing',
    'vendor staff and admins change service prices',
    'UPDATE',
    'command of service_pricing: vendor staff and admins change service prices'
);
SELECT policy_roles_are(
    'public',
    'service_pricing',
    'vendor staff and admins remove service prices',
    ARRAY['authenticated'],
    'roles of service_pricing: vendor staff and admins remove service prices'
);
SELECT policy_cmd_is(
    'public',
    'service_pricing',
    'vendor staff and admins remove service prices',
    'DELETE',
    'command of service_pricing: vendor staff and admins remove service prices'
);

-- availability_slots
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.availability_slots'::regclass
    ),
    'public.availability_slots has row level security enabled'
);
SELECT policies_are(
    'public', 'availability_slots',
    ARRAY[
        'anyone reads slots',
        'vendor staff and admins add slots',
        'vendor staff and admins change slots',
        'vendor staff and admins remove slots'
    ],
    'public.availability_slots has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'availability_slots',
    'anyone reads slots',
    ARRAY['anon', 'authenticated'],
    'roles of availability_slots: anyone reads slots'
);
SELECT policy_cmd_is(
    'public',
    'availability_slots',
    'anyone reads slots',
    'SELECT',
    'command of availability_slots: anyone reads slots'
);
SELECT policy_roles_are(
    'public',
    'availability_slots',
    'vendor staff and admins add slots',
    ARRAY['authenticated'],
    'roles of availability_slots: vendor staff and admins add slots'
);
SELECT policy_cmd_is(
    'public',
    'availability_slots',
    'vendor staff and admins add slots',
    'INSERT',
    'command of availability_slots: vendor staff and admins add slots'
);
SELECT policy_roles_are(
    'public',
    'availability_slots',
    'vendor staff and admins change slots',
    ARRAY['authenticated'],
    'roles of availability_slots: vendor staff and admins change slots'
);
SELECT policy_cmd_is(
    'public',
    'availability_slots',
    'vendor staff and admins change slots',
    'UPDATE',
    'command of availability_slots: vendor staff and admins change slots'
);
SELECT policy_roles_are(
    'public',
    'availability_slots',
    'vendor staff and admins remove slots',
    ARRAY['authenticated'],
    'roles of availability_slots: vendor staff and admins remove slots'
);
SELECT policy_cmd_is(
    'public',
    'availability_slots',
    'vendor staff and admins remove slots',
    'DELETE',
    'command of availability_slots: vendor staff and admins remove slots'
);

-- consult_pricing
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.consult_pricing'::regclass
    ),
    'public.consult_pricing has row level security enabled'
);
SELECT policies_are(
    'public', 'consult_pricing',
    ARRAY[
        'anyone reads consultation fees',
        'vendor staff and admins add consultation fees',
        'vendor staff and admins change consultation fees',
        'vendor staff and admins remove consultation fees'
    ],
    'public.consult_pricing has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'consult_pricing',
    'anyone reads consultation fees',
    ARRAY['anon', 'authenticated'],
    'roles of consult_pricing: anyone reads consultation fees'
);
SELECT policy_cmd_is(
    'public',
    'consult_pricing',
    'anyone reads consultation fees',
    'SELECT',
    'command of consult_pricing: anyone reads consultation fees'
);
SELECT policy_roles_are(
    'public',
    'consult_pricing',
    'vendor staff and admins add consultation fees',
    ARRAY['authenticated'],
    'roles of consult_pricing: vendor staff and admins add consultation fees'
);
SELECT policy_cmd_is(
    'public',
    'consult_pricing',
    'vendor staff and admins add consultation fees',
    'INSERT',
    'command of consult_pricing: vendor staff and admins add consultation fees'
);
SELECT policy_roles_are(
    'public',
    'consult_pricing',
    'vendor staff and admins change consultation fees',
    ARRAY['authenticated'],
    'roles of consult_pricing: vendor staff and admins change consultation fees'
);
SELECT policy_cmd_is(
    'public',
    'consult_pricing',
    'vendor staff and admins change consultation fees',
    'UPDATE',
    'command of consult_pricing: vendor staff and admins change consultation fees'
);
SELECT policy_roles_are(
    'public',
    'consult_pricing',
    'vendor staff and admins remove consultation fees',
    ARRAY['authenticated'],
    'roles of consult_pricing: vendor staff and admins remove consultation fees'
);
SELECT policy_cmd_is(
    'public',
    'consult_pricing',
    'vendor staff and admins remove consultation fees',
    'DELETE',
    'command of consult_pricing: vendor staff and admins remove consultation fees'
);

-- tax_slabs
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.tax_slabs'::regclass
    ),
    'public.tax_slabs has row level security enabled'
);
SELECT policies_are(
    'public', 'tax_slabs',
    ARRAY[
        'anyone reads tax slabs'
    ],
    'public.tax_slabs has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'tax_slabs',
    'anyone reads tax slabs',
    ARRAY['anon', 'authenticated'],
    'roles of tax_slabs: anyone reads tax slabs'
);
SELECT policy_cmd_is(
    'public',
    'tax_slabs',
    'anyone reads tax slabs',
    'SELECT',
    'command of tax_slabs: anyone reads tax slabs'
);

-- coupons
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.coupons'::regclass
    ),
    'public.coupons has row level security enabled'
);
SELECT policies_are(
    'public', 'coupons',
    ARRAY[
        'users read active coupons, admins all',
        'admins read every coupon'
    ],
    'public.coupons has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'coupons',
    'admins read every coupon',
    ARRAY['om_admin'],
    'roles of coupons: admins read every coupon'
);
SELECT policy_cmd_is(
    'public',
    'coupons',
    'admins read every coupon',
    'SELECT',
    'command of coupons: admins read every coupon'
);
SELECT policy_roles_are(
    'public',
    'coupons',
    'users read active coupons, admins all',
    ARRAY['authenticated'],
    'roles of coupons: users read active coupons, admins all'
);
SELECT policy_cmd_is(
    'public',
    'coupons',
    'users read active coupons, admins all',
    'SELECT',
    'command of coupons: users read active coupons, admins all'
);

-- carts
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.carts'::regclass
    ),
    'public.carts has row level security enabled'
);
SELECT policies_are(
    'public', 'carts',
    ARRAY[
        'patients read their own carts',
        'patients add their own carts',
        'patients change their own carts',
        'patients remove their own carts'
    ],
    'public.carts has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'carts',
    'patients read their own carts',
    ARRAY['authenticated'],
    'roles of carts: patients read their own carts'
);
SELECT policy_cmd_is(
    'public',
    'carts',
    'patients read their own carts',
    'SELECT',
    'command of carts: patients read their own carts'
);
SELECT policy_roles_are(
    'public',
    'carts',
    'patients add their own carts',
    ARRAY['authenticated'],
    'roles of carts: patients add their own carts'
);
SELECT policy_cmd_is(
    'public',
    'carts',
    'patients add their own carts',
    'INSERT',
    'command of carts: patients add their own carts'
);
SELECT policy_roles_are(
    'public',
    'carts',
    'patients change their own carts',
    ARRAY['authenticated'],
    'roles of carts: patients change their own carts'
);
SELECT policy_cmd_is(
    'public',
    'carts',
    'patients change their own carts',
    'UPDATE',
    'command of carts: patients change their own carts'
);
SELECT policy_roles_are(
    'public',
    'carts',
    'patients remove their own carts',
    ARRAY['authenticated'],
    'roles of carts: patients remove their own carts'
);
SELECT policy_cmd_is(
    'public',
    'carts',
    'patients remove their own carts',
    'DELETE',
    'command of carts: patients remove their own carts'
);

-- cart_items
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.cart_items'::regclass
    ),
    'public.cart_items has row level security enabled'
);
SELECT policies_are(
    'public', 'cart_items',
    ARRAY[
        'patients read their own cart items',
        'patients add their own cart items',
        'patients change their own cart items',
        'patients remove their own cart items'
    ],
    'public.cart_items has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'cart_items',
    'patients read their own cart items',
    ARRAY['authenticated'],
    'roles of cart_items: patients read their own cart items'
);
SELECT policy_cmd_is(
    'public',
    'cart_items',
    'patients read their own cart items',
    'SELECT',
    'command of cart_items: patients read their own cart items'
);
SELECT policy_roles_are(
    'public',
    'cart_items',
    'patients add their own cart items',
    ARRAY['authenticated'],
    'roles of cart_items: patients add their own cart items'
);
SELECT policy_cmd_is(
    'public',
    'cart_items',
    'patients add their own cart items',
    'INSERT',
    'command of cart_items: patients add their own cart items'
);
SELECT policy_roles_are(
    'public',
    'cart_items',
    'patients change their own cart items',
    ARRAY['authenticated'],
    'roles of cart_items: patients change their own cart items'
);
SELECT policy_cmd_is(
    'public',
    'cart_items',
    'patients change their own cart items',
    'UPDATE',
    'command of cart_items: patients change their own cart items'
);
SELECT policy_roles_are(
    'public',
    'cart_items',
    'patients remove their own cart items',
    ARRAY['authenticated'],
    'roles of cart_items: patients remove their own cart items'
);
SELECT policy_cmd_is(
    'public',
    'cart_items',
    'patients remove their own cart items',
    'DELETE',
    'command of cart_items: patients remove their own cart items'
);

-- orders
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.orders'::regclass
    ),
    'public.orders has row level security enabled'
);
SELECT policies_are(
    'public', 'orders',
    ARRAY[
        'patients read their own orders, vendors theirs, admins all',
        'patients and their vendors update order status, admins any',
        'admins read every order'
    ],
    'public.orders has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'orders',
    'admins read every order',
    ARRAY['om_admin'],
    'roles of orders: admins read every order'
);
SELECT policy_cmd_is(
    'public',
    'orders',
    'admins read every order',
    'SELECT',
    'command of orders: admins read every order'
);
SELECT policy_roles_are(
    'public',
    'orders',
    'patients read their own orders, vendors theirs, admins all',
    ARRAY['authenticated'],
    'roles of orders: patients read their own orders, vendors theirs, admins all'
);
SELECT policy_cmd_is(
    'public',
    'orders',
    'patients read their own orders, vendors theirs, admins all',
    'SELECT',
    'command of orders: patients read their own orders, vendors theirs, admins all'
);
SELECT policy_roles_are(
    'public',
    'orders',
    'patients and their vendors update order status, admins any',
    ARRAY['authenticated'],
    'roles of orders: patients and their vendors update order status, admins any'
);
SELECT policy_cmd_is(
    'public',
    'orders',
    'patients and their vendors update order status, admins any',
    'UPDATE',
    'command of orders: patients and their vendors update order status, admins any'
);

-- coupon_redemptions
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.coupon_redemptions'::regclass
    ),
    'public.coupon_redemptions has row level security enabled'
);
SELECT policies_are(
    'public', 'coupon_redemptions',
    ARRAY[
        'patients read their own redemptions, admins all'
    ],
    'public.coupon_redemptions has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'coupon_redemptions',
    'patients read their own redemptions, admins all',
    ARRAY['authenticated'],
    'roles of coupon_redemptions: patients read their own redemptions, admins all'
);
SELECT policy_cmd_is(
    'public',
    'coupon_redemptions',
    'patients read their own redemptions, admins all',
    'SELECT',
    'command of coupon_redemptions: patients read their own redemptions, admins all'
);

-- order_items
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.order_items'::regclass
    ),
    'public.order_items has row level security enabled'
);
SELECT policies_are(
    'public', 'order_items',
    ARRAY[
        'patients read their order items, vendors own lines, admins all',
        'admins read every order item'
    ],
    'public.order_items has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'order_items',
    'admins read every order item',
    ARRAY['om_admin'],
    'roles of order_items: admins read every order item'
);
SELECT policy_cmd_is(
    'public',
    'order_items',
    'admins read every order item',
    'SELECT',
    'command of order_items: admins read every order item'
);
SELECT policy_roles_are(
    'public',
    'order_items',
    'patients read their order items, vendors own lines, admins all',
    ARRAY['authenticated'],
    'roles of order_items: patients read their order items, vendors own lines, admins all'
);
SELECT policy_cmd_is(
    'public',
    'order_items',
    'patients read their order items, vendors own lines, admins all',
    'SELECT',
    'command of order_items: patients read their order items, vendors own lines, admins all'
);

-- order_invoices
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.order_invoices'::regclass
    ),
    'public.order_invoices has row level security enabled'
);
SELECT policies_are(
    'public', 'order_invoices',
    ARRAY[
        'patients read their invoices, vendors theirs, admins all'
    ],
    'public.order_invoices has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'order_invoices',
    'patients read their invoices, vendors theirs, admins all',
    ARRAY['authenticated'],
    'roles of order_invoices: patients read their invoices, vendors theirs, admins all'
);
SELECT policy_cmd_is(
    'public',
    'order_invoices',
    'patients read their invoices, vendors theirs, admins all',
    'SELECT',
    'command of order_invoices: patients read their invoices, vendors theirs, admins all'
);

-- service_bookings
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.service_bookings'::regclass
    ),
    'public.service_bookings has row level security enabled'
);
SELECT policies_are(
    'public', 'service_bookings',
    ARRAY[
        'patients read their bookings, vendors theirs, admins all',
        'patients and their vendors update bookings, admins any',
        'admins read every booking'
    ],
    'public.service_bookings has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'service_bookings',
    'admins read every booking',
    ARRAY['om_admin'],
    'roles of service_bookings: admins read every booking'
);
SELECT policy_cmd_is(
    'public',
    'service_bookings',
    'admins read every booking',
    'SELECT',
    'command of service_bookings: admins read every booking'
);
SELECT policy_roles_are(
    'public',
    'service_bookings',
    'patients read their bookings, vendors theirs, admins all',
    ARRAY['authenticated'],
    'roles of service_bookings: patients read their bookings, vendors theirs, admins all'
);
SELECT policy_cmd_is(
    'public',
    'service_bookings',
    'patients read their bookings, vendors theirs, admins all',
    'SELECT',
    'command of service_bookings: patients read their bookings, vendors theirs, admins all'
);
SELECT policy_roles_are(
    'public',
    'service_bookings',
    'patients and their vendors update bookings, admins any',
    ARRAY['authenticated'],
    'roles of service_bookings: patients and their vendors update bookings, admins any'
);
SELECT policy_cmd_is(
    'public',
    'service_bookings',
    'patients and their vendors update bookings, admins any',
    'UPDATE',
    'command of service_bookings: patients and their vendors update bookings, admins any'
);

-- order_artifacts
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.order_artifacts'::regclass
    ),
    'public.order_artifacts has row level security enabled'
);
SELECT policies_are(
    'public', 'order_artifacts',
    ARRAY[
        'patients and their vendors read order files, admins all',
        'patients attach their prescriptions, vendors their reports',
        'admins read every order file'
    ],
    'public.order_artifacts has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'order_artifacts',
    'admins read every order file',
    ARRAY['om_admin'],
    'roles of order_artifacts: admins read every order file'
);
SELECT policy_cmd_is(
    'public',
    'order_artifacts',
    'admins read every order file',
    'SELECT',
    'command of order_artifacts: admins read every order file'
);
SELECT policy_roles_are(
    'public',
    'order_artifacts',
    'patients and their vendors read order files, admins all',
    ARRAY['authenticated'],
    'roles of order_artifacts: patients and their vendors read order files, admins all'
);
SELECT policy_cmd_is(
    'public',
    'order_artifacts',
    'patients and their vendors read order files, admins all',
    'SELECT',
    'command of order_artifacts: patients and their vendors read order files, admins all'
);
SELECT policy_roles_are(
    'public',
    'order_artifacts',
    'patients attach their prescriptions, vendors their reports',
    ARRAY['authenticated'],
    'roles of order_artifacts: patients attach their prescriptions, vendors their reports'
);
SELECT policy_cmd_is(
    'public',
    'order_artifacts',
    'patients attach their prescriptions, vendors their reports',
    'INSERT',
    'command of order_artifacts: patients attach their prescriptions, vendors their reports'
);

-- refunds
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.refunds'::regclass
    ),
    'public.refunds has row level security enabled'
);
SELECT policies_are(
    'public', 'refunds',
    ARRAY[
        'patients read their refunds, vendors theirs, admins all',
        'admins record refunds',
        'admins read every refund'
    ],
    'public.refunds has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'refunds',
    'admins read every refund',
    ARRAY['om_admin'],
    'roles of refunds: admins read every refund'
);
SELECT policy_cmd_is(
    'public',
    'refunds',
    'admins read every refund',
    'SELECT',
    'command of refunds: admins read every refund'
);
SELECT policy_roles_are(
    'public',
    'refunds',
    'patients read their refunds, vendors theirs, admins all',
    ARRAY['authenticated'],
    'roles of refunds: patients read their refunds, vendors theirs, admins all'
);
SELECT policy_cmd_is(
    'public',
    'refunds',
    'patients read their refunds, vendors theirs, admins all',
    'SELECT',
    'command of refunds: patients read their refunds, vendors theirs, admins all'
);
SELECT policy_roles_are(
    'public',
    'refunds',
    'admins record refunds',
    ARRAY['authenticated'],
    'roles of refunds: admins record refunds'
);
SELECT policy_cmd_is(
    'public',
    'refunds',
    'admins record refunds',
    'INSERT',
    'command of refunds: admins record refunds'
);

-- vendor_payouts
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.vendor_payouts'::regclass
    ),
    'public.vendor_payouts has row level security enabled'
);
SELECT policies_are(
    'public', 'vendor_payouts',
    ARRAY[
        'vendor members read their payouts, admins all',
        'admins read every payout'
    ],
    'public.vendor_payouts has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'vendor_payouts',
    'admins read every payout',
    ARRAY['om_admin'],
    'roles of vendor_payouts: admins read every payout'
);
SELECT policy_cmd_is(
    'public',
    'vendor_payouts',
    'admins read every payout',
    'SELECT',
    'command of vendor_payouts: admins read every payout'
);
SELECT policy_roles_are(
    'public',
    'vendor_payouts',
    'vendor members read their payouts, admins all',
    ARRAY['authenticated'],
    'roles of vendor_payouts: vendor members read their payouts, admins all'
);
SELECT policy_cmd_is(
    'public',
    'vendor_payouts',
    'vendor members read their payouts, admins all',
    'SELECT',
    'command of vendor_payouts: vendor members read their payouts, admins all'
);

-- prescription_checks
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.prescription_checks'::regclass
    ),
    'public.prescription_checks has row level security enabled'
);
SELECT policies_are(
    'public', 'prescription_checks',
    ARRAY[
        'patients read their Rx checks, vendors theirs, admins all'
    ],
    'public.prescription_checks has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'prescription_checks',
    'patients read their Rx checks, vendors theirs, admins all',
    ARRAY['authenticated'],
    'roles of prescription_checks: patients read their Rx checks, vendors theirs, admins all'
);
SELECT policy_cmd_is(
    'public',
    'prescription_checks',
    'patients read their Rx checks, vendors theirs, admins all',
    'SELECT',
    'command of prescription_checks: patients read their Rx checks, vendors theirs, admins all'
);

-- schedule_h1_register
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.schedule_h1_register'::regclass
    ),
    'public.schedule_h1_register has row level security enabled'
);
SELECT policies_are(
    'public', 'schedule_h1_register',
    ARRAY[
        'vendor members read their H1 register, admins all'
    ],
    'public.schedule_h1_register has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'schedule_h1_register',
    'vendor members read their H1 register, admins all',
    ARRAY['authenticated'],
    'roles of schedule_h1_register: vendor members read their H1 register, admins all'
);
SELECT policy_cmd_is(
    'public',
    'schedule_h1_register',
    'vendor members read their H1 register, admins all',
    'SELECT',
    'command of schedule_h1_register: vendor members read their H1 register, admins all'
);

-- marketing_assets
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.marketing_assets'::regclass
    ),
    'public.marketing_assets has row level security enabled'
);
SELECT policies_are(
    'public', 'marketing_assets',
    ARRAY[
        'anyone anonymous reads active marketing assets',
        'users read active marketing assets, admins read all',
        'admins add marketing assets',
        'admins change marketing assets',
        'admins remove marketing assets'
    ],
    'public.marketing_assets has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'marketing_assets',
    'anyone anonymous reads active marketing assets',
    ARRAY['anon'],
    'roles of marketing_assets: anyone anonymous reads active marketing assets'
);
SELECT policy_cmd_is(
    'public',
    'marketing_assets',
    'anyone anonymous reads active marketing assets',
    'SELECT',
    'command of marketing_assets: anyone anonymous reads active marketing assets'
);
SELECT policy_roles_are(
    'public',
    'marketing_assets',
    'users read active marketing assets, admins read all',
    ARRAY['authenticated'],
    'roles of marketing_assets: users read active marketing assets, admins read all'
);
SELECT policy_cmd_is(
    'public',
    'marketing_assets',
    'users read active marketing assets, admins read all',
    'SELECT',
    'command of marketing_assets: users read active marketing assets, admins read all'
);
SELECT policy_roles_are(
    'public',
    'marketing_assets',
    'admins add marketing assets',
    ARRAY['authenticated'],
    'roles of marketing_assets: admins add marketing assets'
);
SELECT policy_cmd_is(
    'public',
    'marketing_assets',
    'admins add marketing assets',
    'INSERT',
    'command of marketing_assets: admins add marketing assets'
);
SELECT policy_roles_are(
    'public',
    'marketing_assets',
    'admins change marketing assets',
    ARRAY['authenticated'],
    'roles of marketing_assets: admins change marketing assets'
);
SELECT policy_cmd_is(
    'public',
    'marketing_assets',
    'admins change marketing assets',
    'UPDATE',
    'command of marketing_assets: admins change marketing assets'
);
SELECT policy_roles_are(
    'public',
    'marketing_assets',
    'admins remove marketing assets',
    ARRAY['authenticated'],
    'roles of marketing_assets: admins remove marketing assets'
);
SELECT policy_cmd_is(
    'public',
    'marketing_assets',
    'admins remove marketing assets',
    'DELETE',
    'command of marketing_assets: admins remove marketing assets'
);

-- feature_flags
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.feature_flags'::regclass
    ),
    'public.feature_flags has row level security enabled'
);
SELECT policies_are(
    'public', 'feature_flags',
    ARRAY[
        'anyone reads feature flags',
        'admins add feature flags',
        'admins change feature flags',
        'admins remove feature flags'
    ],
    'public.feature_flags has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'feature_flags',
    'anyone reads feature flags',
    ARRAY['anon', 'authenticated'],
    'roles of feature_flags: anyone reads feature flags'
);
SELECT policy_cmd_is(
    'public',
    'feature_flags',
    'anyone reads feature flags',
    'SELECT',
    'command of feature_flags: anyone reads feature flags'
);
SELECT policy_roles_are(
    'public',
    'feature_flags',
    'admins add feature flags',
    ARRAY['authenticated'],
    'roles of feature_flags: admins add feature flags'
);
SELECT policy_cmd_is(
    'public',
    'feature_flags',
    'admins add feature flags',
    'INSERT',
    'command of feature_flags: admins add feature flags'
);
SELECT policy_roles_are(
    'public',
    'feature_flags',
    'admins change feature flags',
    ARRAY['authenticated'],
    'roles of feature_flags: admins change feature flags'
);
SELECT policy_cmd_is(
    'public',
    'feature_flags',
    'admins change feature flags',
    'UPDATE',
    'command of feature_flags: admins change feature flags'
);
SELECT policy_roles_are(
    'public',
    'feature_flags',
    'admins remove feature flags',
    ARRAY['authenticated'],
    'roles of feature_flags: admins remove feature flags'
);
SELECT policy_cmd_is(
    'public',
    'feature_flags',
    'admins remove feature flags',
    'DELETE',
    'command of feature_flags: admins remove feature flags'
);

-- content_master
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.content_master'::regclass
    ),
    'public.content_master has row level security enabled'
);
SELECT policies_are(
    'public', 'content_master',
    ARRAY[
        'anyone anonymous reads published content',
        'users read published content, authors and admins all',
        'admins add content',
        'admins change content',
        'admins remove content'
    ],
    'public.content_master has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'content_master',
    'anyone anonymous reads published content',
    ARRAY['anon'],
    'roles of content_master: anyone anonymous reads published content'
);
SELECT policy_cmd_is(
    'public',
    'content_master',
    'anyone anonymous reads published content',
    'SELECT',
    'command of content_master: anyone anonymous reads published content'
);
SELECT policy_roles_are(
    'public',
    'content_master',
    'users read published content, authors and admins all',
    ARRAY['authenticated'],
    'roles of content_master: users read published content, authors and admins all'
);
SELECT policy_cmd_is(
    'public',
    'content_master',
    'users read published content, authors and admins all',
    'SELECT',
    'command of content_master: users read published content, authors and admins all'
);
SELECT policy_roles_are(
    'public',
    'content_master',
    'admins add content',
    ARRAY['authenticated'],
    'roles of content_master: admins add content'
);
SELECT policy_cmd_is(
    'public',
    'content_master',
    'admins add content',
    'INSERT',
    'command of content_master: admins add content'
);
SELECT policy_roles_are(
    'public',
    'content_master',
    'admins change content',
    ARRAY['authenticated'],
    'roles of content_master: admins change content'
);
SELECT policy_cmd_is(
    'public',
    'content_master',
    'admins change content',
    'UPDATE',
    'command of content_master: admins change content'
);
SELECT policy_roles_are(
    'public',
    'content_master',
    'admins remove content',
    ARRAY['authenticated'],
    'roles of content_master: admins remove content'
);
SELECT policy_cmd_is(
    'public',
    'content_master',
    'admins remove content',
    'DELETE',
    'command of content_master: admins remove content'
);

-- taxonomies
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.taxonomies'::regclass
    ),
    'public.taxonomies has row level security enabled'
);
SELECT policies_are(
    'public', 'taxonomies',
    ARRAY[
        'anyone reads taxonomies',
        'admins add taxonomies',
        'admins change taxonomies',
        'admins remove taxonomies'
    ],
    'public.taxonomies has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'taxonomies',
    'anyone reads taxonomies',
    ARRAY['anon', 'authenticated'],
    'roles of taxonomies: anyone reads taxonomies'
);
SELECT policy_cmd_is(
    'public',
    'taxonomies',
    'anyone reads taxonomies',
    'SELECT',
    'command of taxonomies: anyone reads taxonomies'
);
SELECT policy_roles_are(
    'public',
    'taxonomies',
    'admins add taxonomies',
    ARRAY['authenticated'],
    'roles of taxonomies: admins add taxonomies'
);
SELECT policy_cmd_is(
    'public',
    'taxonomies',
    'admins add taxonomies',
    'INSERT',
    'command of taxonomies: admins add taxonomies'
);
SELECT policy_roles_are(
    'public',
    'taxonomies',
    'admins change taxonomies',
    ARRAY['authenticated'],
    'roles of taxonomies: admins change taxonomies'
);
SELECT policy_cmd_is(
    'public',
    'taxonomies',
    'admins change taxonomies',
    'UPDATE',
    'command of taxonomies: admins change taxonomies'
);
SELECT policy_roles_are(
    'public',
    'taxonomies',
    'admins remove taxonomies',
    ARRAY['authenticated'],
    'roles of taxonomies: admins remove taxonomies'
);
SELECT policy_cmd_is(
    'public',
    'taxonomies',
    'admins remove taxonomies',
    'DELETE',
    'command of taxonomies: admins remove taxonomies'
);

-- taxonomy_terms
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.taxonomy_terms'::regclass
    ),
    'public.taxonomy_terms has row level security enabled'
);
SELECT policies_are(
    'public', 'taxonomy_terms',
    ARRAY[
        'anyone reads taxonomy terms',
        'admins add taxonomy terms',
        'admins change taxonomy terms',
        'admins remove taxonomy terms'
    ],
    'public.taxonomy_terms has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'taxonomy_terms',
    'anyone reads taxonomy terms',
    ARRAY['anon', 'authenticated'],
    'roles of taxonomy_terms: anyone reads taxonomy terms'
);
SELECT policy_cmd_is(
    'public',
    'taxonomy_terms',
    'anyone reads taxonomy terms',
    'SELECT',
    'command of taxonomy_terms: anyone reads taxonomy terms'
);
SELECT policy_roles_are(
    'public',
    'taxonomy_terms',
    'admins add taxonomy terms',
    ARRAY['authenticated'],
    'roles of taxonomy_terms: admins add taxonomy terms'
);
SELECT policy_cmd_is(
    'public',
    'taxonomy_terms',
    'admins add taxonomy terms',
    'INSERT',
    'command of taxonomy_terms: admins add taxonomy terms'
);
SELECT policy_roles_are(
    'public',
    'taxonomy_terms',
    'admins change taxonomy terms',
    ARRAY['authenticated'],
    'roles of taxonomy_terms: admins change taxonomy terms'
);
SELECT policy_cmd_is(
    'public',
    'taxonomy_terms',
    'admins change taxonomy terms',
    'UPDATE',
    'command of taxonomy_terms: admins change taxonomy terms'
);
SELECT policy_roles_are(
    'public',
    'taxonomy_terms',
    'admins remove taxonomy terms',
    ARRAY['authenticated'],
    'roles of taxonomy_terms: admins remove taxonomy terms'
);
SELECT policy_cmd_is(
    'public',
    'taxonomy_terms',
    'admins remove taxonomy terms',
    'DELETE',
    'command of taxonomy_terms: admins remove taxonomy terms'
);

-- service_taxonomy_map
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.service_taxonomy_map'::regclass
    ),
    'public.service_taxonomy_map has row level security enabled'
);
SELECT policies_are(
    'public', 'service_taxonomy_map',
    ARRAY[
        'anyone reads service tags',
        'admins add service tags',
        'admins change service tags',
        'admins remove service tags'
    ],
    'public.service_taxonomy_map has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'service_taxonomy_map',
    'anyone reads service tags',
    ARRAY['anon', 'authenticated'],
    'roles of service_taxonomy_map: anyone reads service tags'
);
SELECT policy_cmd_is(
    'public',
    'service_taxonomy_map',
    'anyone reads service tags',
    'SELECT',
    'command of service_taxonomy_map: anyone reads service tags'
);
SELECT policy_roles_are(
    'public',
    'service_taxonomy_map',
    'admins add service tags',
    ARRAY['authenticated'],
    'roles of service_taxonomy_map: admins add service tags'
);
SELECT policy_cmd_is(
    'public',
    'service_taxonomy_map',
    'admins add service tags',
    'INSERT',
    'command of service_taxonomy_map: admins add service tags'
);
SELECT policy_roles_are(
    'public',
    'service_taxonomy_map',
    'admins change service tags',
    ARRAY['authenticated'],
    'roles of service_taxonomy_map: admins change service tags'
);
SELECT policy_cmd_is(
    'public',
    'service_taxonomy_map',
    'admins change service tags',
    'UPDATE',
    'command of service_taxonomy_map: admins change service tags'
);
SELECT policy_roles_are(
    'public',
    'service_taxonomy_map',
    'admins remove service tags',
    ARRAY['authenticated'],
    'roles of service_taxonomy_map: admins remove service tags'
);
SELECT policy_cmd_is(
    'public',
    'service_taxonomy_map',
    'admins remove service tags',
    'DELETE',
    'command of service_taxonomy_map: admins remove service tags'
);

-- ui_menu_items
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.ui_menu_items'::regclass
    ),
    'public.ui_menu_items has row level security enabled'
);
SELECT policies_are(
    'public', 'ui_menu_items',
    ARRAY[
        'anyone reads menu items',
        'admins add menu items',
        'admins change menu items',
        'admins remove menu items'
    ],
    'public.ui_menu_items has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'ui_menu_items',
    'anyone reads menu items',
    ARRAY['anon', 'authenticated'],
    'roles of ui_menu_items: anyone reads menu items'
);
SELECT policy_cmd_is(
    'public',
    'ui_menu_items',
    'anyone reads menu items',
    'SELECT',
    'command of ui_menu_items: anyone reads menu items'
);
SELECT policy_roles_are(
    'public',
    'ui_menu_items',
    'admins add menu items',
    ARRAY['authenticated'],
    'roles of ui_menu_items: admins add menu items'
);
SELECT policy_cmd_is(
    'public',
    'ui_menu_items',
    'admins add menu items',
    'INSERT',
    'command of ui_menu_items: admins add menu items'
);
SELECT policy_roles_are(
    'public',
    'ui_menu_items',
    'admins change menu items',
    ARRAY['authenticated'],
    'roles of ui_menu_items: admins change menu items'
);
SELECT policy_cmd_is(
    'public',
    'ui_menu_items',
    'admins change menu items',
    'UPDATE',
    'command of ui_menu_items: admins change menu items'
);
SELECT policy_roles_are(
    'public',
    'ui_menu_items',
    'admins remove menu items',
    ARRAY['authenticated'],
    'roles of ui_menu_items: admins remove menu items'
);
SELECT policy_cmd_is(
    'public',
    'ui_menu_items',
    'admins remove menu items',
    'DELETE',
    'command of ui_menu_items: admins remove menu items'
);

-- ui_carousel_items
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.ui_carousel_items'::regclass
    ),
    'public.ui_carousel_items has row level security enabled'
);
SELECT policies_are(
    'public', 'ui_carousel_items',
    ARRAY[
        'anyone reads carousel items',
        'admins add carousel items',
        'admins change carousel items',
        'admins remove carousel items'
    ],
    'public.ui_carousel_items has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'ui_carousel_items',
    'anyone reads carousel items',
    ARRAY['anon', 'authenticated'],
    'roles of ui_carousel_items: anyone reads carousel items'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousel_items',
    'anyone reads carousel items',
    'SELECT',
    'command of ui_carousel_items: anyone reads carousel items'
);
SELECT policy_roles_are(
    'public',
    'ui_carousel_items',
    'admins add carousel items',
    ARRAY['authenticated'],
    'roles of ui_carousel_items: admins add carousel items'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousel_items',
    'admins add carousel items',
    'INSERT',
    'command of ui_carousel_items: admins add carousel items'
);
SELECT policy_roles_are(
    'public',
    'ui_carousel_items',
    'admins change carousel items',
    ARRAY['authenticated'],
    'roles of ui_carousel_items: admins change carousel items'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousel_items',
    'admins change carousel items',
    'UPDATE',
    'command of ui_carousel_items: admins change carousel items'
);
SELECT policy_roles_are(
    'public',
    'ui_carousel_items',
    'admins remove carousel items',
    ARRAY['authenticated'],
    'roles of ui_carousel_items: admins remove carousel items'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousel_items',
    'admins remove carousel items',
    'DELETE',
    'command of ui_carousel_items: admins remove carousel items'
);

-- ui_menus
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.ui_menus'::regclass
    ),
    'public.ui_menus has row level security enabled'
);
SELECT policies_are(
    'public', 'ui_menus',
    ARRAY[
        'anyone anonymous reads active menus',
        'users read active menus, admins read all',
        'admins add menus',
        'admins change menus',
        'admins remove menus'
    ],
    'public.ui_menus has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'ui_menus',
    'anyone anonymous reads active menus',
    ARRAY['anon'],
    'roles of ui_menus: anyone anonymous reads active menus'
);
SELECT policy_cmd_is(
    'public',
    'ui_menus',
    'anyone anonymous reads active menus',
    'SELECT',
    'command of ui_menus: anyone anonymous reads active menus'
);
SELECT policy_roles_are(
    'public',
    'ui_menus',
    'users read active menus, admins read all',
    ARRAY['authenticated'],
    'roles of ui_menus: users read active menus, admins read all'
);
SELECT policy_cmd_is(
    'public',
    'ui_menus',
    'users read active menus, admins read all',
    'SELECT',
    'command of ui_menus: users read active menus, admins read all'
);
SELECT policy_roles_are(
    'public',
    'ui_menus',
    'admins add menus',
    ARRAY['authenticated'],
    'roles of ui_menus: admins add menus'
);
SELECT policy_cmd_is(
    'public',
    'ui_menus',
    'admins add menus',
    'INSERT',
    'command of ui_menus: admins add menus'
);
SELECT policy_roles_are(
    'public',
    'ui_menus',
    'admins change menus',
    ARRAY['authenticated'],
    'roles of ui_menus: admins change menus'
);
SELECT policy_cmd_is(
    'public',
    'ui_menus',
    'admins change menus',
    'UPDATE',
    'command of ui_menus: admins change menus'
);
SELECT policy_roles_are(
    'public',
    'ui_menus',
    'admins remove menus',
    ARRAY['authenticated'],
    'roles of ui_menus: admins remove menus'
);
SELECT policy_cmd_is(
    'public',
    'ui_menus',
    'admins remove menus',
    'DELETE',
    'command of ui_menus: admins remove menus'
);

-- ui_carousels
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.ui_carousels'::regclass
    ),
    'public.ui_carousels has row level security enabled'
);
SELECT policies_are(
    'public', 'ui_carousels',
    ARRAY[
        'anyone anonymous reads active carousels',
        'users read active carousels, admins read all',
        'admins add carousels',
        'admins change carousels',
        'admins remove carousels'
    ],
    'public.ui_carousels has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'ui_carousels',
    'anyone anonymous reads active carousels',
    ARRAY['anon'],
    'roles of ui_carousels: anyone anonymous reads active carousels'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousels',
    'anyone anonymous reads active carousels',
    'SELECT',
    'command of ui_carousels: anyone anonymous reads active carousels'
);
SELECT policy_roles_are(
    'public',
    'ui_carousels',
    'users read active carousels, admins read all',
    ARRAY['authenticated'],
    'roles of ui_carousels: users read active carousels, admins read all'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousels',
    'users read active carousels, admins read all',
    'SELECT',
    'command of ui_carousels: users read active carousels, admins read all'
);
SELECT policy_roles_are(
    'public',
    'ui_carousels',
    'admins add carousels',
    ARRAY['authenticated'],
    'roles of ui_carousels: admins add carousels'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousels',
    'admins add carousels',
    'INSERT',
    'command of ui_carousels: admins add carousels'
);
SELECT policy_roles_are(
    'public',
    'ui_carousels',
    'admins change carousels',
    ARRAY['authenticated'],
    'roles of ui_carousels: admins change carousels'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousels',
    'admins change carousels',
    'UPDATE',
    'command of ui_carousels: admins change carousels'
);
SELECT policy_roles_are(
    'public',
    'ui_carousels',
    'admins remove carousels',
    ARRAY['authenticated'],
    'roles of ui_carousels: admins remove carousels'
);
SELECT policy_cmd_is(
    'public',
    'ui_carousels',
    'admins remove carousels',
    'DELETE',
    'command of ui_carousels: admins remove carousels'
);

-- audit_logs
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.audit_logs'::regclass
    ),
    'public.audit_logs has row level security enabled'
);
SELECT policies_are(
    'public', 'audit_logs',
    ARRAY[
        'admins read the audit log'
    ],
    'public.audit_logs has exactly its policies'
);
SELECT policy_roles_are(
    'public',
    'audit_logs',
    'admins read the audit log',
    ARRAY['authenticated'],
    'roles of audit_logs: admins read the audit log'
);
SELECT policy_cmd_is(
    'public',
    'audit_logs',
    'admins read the audit log',
    'SELECT',
    'command of audit_logs: admins read the audit log'
);

-- storage.objects
SELECT policies_are(
    'storage', 'objects',
    ARRAY[
        'admins list static media',
        'admins upload static media',
        'admins replace static media',
        'admins delete static media',
        'patients upload prescriptions to their own folder',
        'patients and the vendors of their orders read prescriptions',
        'lab staff upload reports of their orders',
        'patients and their lab staff read lab reports',
        'vendor managers upload compliance files, admins any',
        'vendor members read their compliance files, admins all',
        'admins replace compliance files',
        'admins delete compliance files'
    ],
    'storage.objects has exactly the bucket policies'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'admins list static media',
    ARRAY['authenticated'],
    'roles of objects: admins list static media'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'admins list static media',
    'SELECT',
    'command of objects: admins list static media'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'admins upload static media',
    ARRAY['authenticated'],
    'roles of objects: admins upload static media'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'admins upload static media',
    'INSERT',
    'command of objects: admins upload static media'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'admins replace static media',
    ARRAY['authenticated'],
    'roles of objects: admins replace static media'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'admins replace static media',
    'UPDATE',
    'command of objects: admins replace static media'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'admins delete static media',
    ARRAY['authenticated'],
    'roles of objects: admins delete static media'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'admins delete static media',
    'DELETE',
    'command of objects: admins delete static media'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'patients upload prescriptions to their own folder',
    ARRAY['authenticated'],
    'roles of objects: patients upload prescriptions to their own folder'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'patients upload prescriptions to their own folder',
    'INSERT',
    'command of objects: patients upload prescriptions to their own folder'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'patients and the vendors of their orders read prescriptions',
    ARRAY['authenticated'],
    'roles of objects: patients and the vendors of their orders read prescriptions'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'patients and the vendors of their orders read prescriptions',
    'SELECT',
    'command of objects: patients and the vendors of their orders read prescriptions'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'lab staff upload reports of their orders',
    ARRAY['authenticated'],
    'roles of objects: lab staff upload reports of their orders'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'lab staff upload reports of their orders',
    'INSERT',
    'command of objects: lab staff upload reports of their orders'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'patients and their lab staff read lab reports',
    ARRAY['authenticated'],
    'roles of objects: patients and their lab staff read lab reports'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'patients and their lab staff read lab reports',
    'SELECT',
    'command of objects: patients and their lab staff read lab reports'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'vendor managers upload compliance files, admins any',
    ARRAY['authenticated'],
    'roles of objects: vendor managers upload compliance files, admins any'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'vendor managers upload compliance files, admins any',
    'INSERT',
    'command of objects: vendor managers upload compliance files, admins any'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'vendor members read their compliance files, admins all',
    ARRAY['authenticated'],
    'roles of objects: vendor members read their compliance files, admins all'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'vendor members read their compliance files, admins all',
    'SELECT',
    'command of objects: vendor members read their compliance files, admins all'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'admins replace compliance files',
    ARRAY['authenticated'],
    'roles of objects: admins replace compliance files'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'admins replace compliance files',
    'UPDATE',
    'command of objects: admins replace compliance files'
);
SELECT policy_roles_are(
    'storage',
    'objects',
    'admins delete compliance files',
    ARRAY['authenticated'],
    'roles of objects: admins delete compliance files'
);
SELECT policy_cmd_is(
    'storage',
    'objects',
    'admins delete compliance files',
    'DELETE',
    'command of objects: admins delete compliance files'
);

SELECT * FROM finish();
ROLLBACK;
