-- Group B, vendor ecosystem: vendors, vendor_locations, vendor_staff, vendor_kyc.
BEGIN;
SELECT plan(100);

-- Fixtures: an owner, a staff member, an admin; two cities.
INSERT INTO auth.users (id, email) VALUES
('b0000000-0000-4000-8000-000000000001', 'owner@medplus.example'),
('b0000000-0000-4000-8000-000000000002', 'staff@medplus.example'),
('b0000000-0000-4000-8000-000000000003', 'admin@onemedi.example');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.user_id,
    u.full_name,
    r.id
FROM (
    VALUES
    ('b0000000-0000-4000-8000-000000000001'::uuid, 'Owner', 'VENDOR_ADMIN'),
    ('b0000000-0000-4000-8000-000000000002'::uuid, 'Staff', 'STAFF'),
    ('b0000000-0000-4000-8000-000000000003'::uuid, 'Admin', 'ADMIN')
) AS u (user_id, full_name, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.cities (id, state_code, name, centre) VALUES
('c1000000-0000-4000-8000-000000000001', '36', 'Hyderabad', 'SRID=4326;POINT(78.4867 17.3850)'),
('c1000000-0000-4000-8000-000000000002', '29', 'Bengaluru', 'SRID=4326;POINT(77.5946 12.9716)');

-- vendors: structure.
SELECT has_table('public', 'vendors', 'table vendors exists');
SELECT col_is_pk('public', 'vendors', 'id', 'vendors.id is the primary key');
SELECT col_type_is('public', 'vendors', 'id', 'uuid', 'vendors.id is uuid');
SELECT col_not_null('public', 'vendors', 'name', 'vendors.name is NOT NULL');
SELECT col_type_is('public', 'vendors', 'type', 'vendor_type', 'vendors.type is vendor_type');
SELECT col_not_null('public', 'vendors', 'type', 'vendors.type is NOT NULL');
SELECT col_not_null('public', 'vendors', 'owner_id', 'vendors.owner_id is NOT NULL');
SELECT fk_ok('public', 'vendors', 'owner_id', 'public', 'profiles', 'id');
SELECT has_index('public', 'vendors', 'vendors_owner_id_idx', ARRAY['owner_id']);
SELECT col_type_is(
    'public', 'vendors', 'commission_rate', 'percent_rate', 'commission_rate is numeric(5,2)'
);
SELECT col_not_null('public', 'vendors', 'commission_rate', 'vendors.commission_rate is NOT NULL');
SELECT col_not_null('public', 'vendors', 'is_active', 'vendors.is_active is NOT NULL');
SELECT col_default_is('public', 'vendors', 'is_active', FALSE, 'new vendors start inactive');
SELECT trigger_is('public', 'vendors', 'vendors_set_updated_at', 'private', 'set_updated_at');
SELECT is(
    (SELECT relrowsecurity FROM pg_catalog.pg_class WHERE oid = 'public.vendors'::regclass),
    TRUE,
    'vendors has RLS enabled'
);
SELECT ok(
    has_column_privilege('anon', 'public.vendors', 'name', 'SELECT'),
    'anon may read a vendor''s name'
);
SELECT ok(
    NOT has_column_privilege('anon', 'public.vendors', 'commission_rate', 'SELECT'),
    'anon may not read a vendor''s commission rate'
);
SELECT table_privs_are(
    'public', 'vendors', 'authenticated', ARRAY['SELECT', 'INSERT', 'UPDATE']
);

-- vendors: constraints.
SELECT lives_ok(
    $$INSERT INTO public.vendors (id, name, type, owner_id, commission_rate)
      VALUES
      (
          'e0000000-0000-4000-8000-000000000001', 'MedPlus Kondapur', 'PHARMACY',
          'b0000000-0000-4000-8000-000000000001', 12.50
      ),
      (
          'e0000000-0000-4000-8000-000000000002', 'Vijaya Diagnostics', 'DIAGNOSTIC_LAB',
          'b0000000-0000-4000-8000-000000000001', 0
      )$$,
    'vendors with commissions of 12.5 % and 0 % are accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.vendors (id, name, type, owner_id, commission_rate)
      VALUES (
          'e0000000-0000-4000-8000-000000000003', 'Full Cut', 'HOSPITAL',
          'b0000000-0000-4000-8000-000000000001', 100
      )$$,
    'a commission of 100 % is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.vendors (name, type, owner_id, commission_rate)
      VALUES ('Greedy', 'HOSPITAL', 'b0000000-0000-4000-8000-000000000001', 100.01)$$,
    '23514',
    'value for domain percent_rate violates check constraint '
    || '"percent_rate_between_0_and_100"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendors (name, type, owner_id, commission_rate)
      VALUES ('Negative', 'HOSPITAL', 'b0000000-0000-4000-8000-000000000001', -0.01)$$,
    '23514',
    'value for domain percent_rate violates check constraint '
    || '"percent_rate_between_0_and_100"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendors (name, type, owner_id)
      VALUES (' ', 'HOSPITAL', 'b0000000-0000-4000-8000-000000000001')$$,
    '23514',
    'new row for relation "vendors" violates check constraint "vendors_name_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendors (name, type, owner_id)
      VALUES ('Kirana', 'GROCERY', 'b0000000-0000-4000-8000-000000000001')$$,
    '22P02',
    'invalid input value for enum vendor_type: "GROCERY"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendors (name, type, owner_id)
      VALUES ('No Owner', 'HOSPITAL', gen_random_uuid())$$,
    '23503',
    'insert or update on table "vendors" violates foreign key constraint '
    || '"vendors_owner_id_fkey"'
);

-- vendor_locations: structure.
SELECT has_table('public', 'vendor_locations', 'table vendor_locations exists');
SELECT col_is_pk('public', 'vendor_locations', 'id', 'vendor_locations.id is the primary key');
SELECT col_not_null(
    'public', 'vendor_locations', 'vendor_id', 'vendor_locations.vendor_id is NOT NULL'
);
SELECT fk_ok('public', 'vendor_locations', 'vendor_id', 'public', 'vendors', 'id');
SELECT col_is_unique(
    'public', 'vendor_locations', ARRAY['vendor_id', 'id'],
    'vendor_locations (vendor_id, id) is unique, for composite foreign keys'
);
SELECT has_index(
    'public', 'vendor_locations', 'vendor_locations_vendor_id_id_key', ARRAY['vendor_id', 'id']
);
SELECT col_not_null(
    'public', 'vendor_locations', 'city_id', 'vendor_locations.city_id is NOT NULL'
);
SELECT fk_ok('public', 'vendor_locations', 'city_id', 'public', 'cities', 'id');
SELECT has_index(
    'public', 'vendor_locations', 'vendor_locations_city_id_idx', ARRAY['city_id']
);
SELECT col_type_is(
    'public', 'vendor_locations', 'coords', 'extensions', 'geography(Point,4326)',
    'vendor_locations.coords is a WGS 84 point'
);
SELECT col_not_null('public', 'vendor_locations', 'coords', 'vendor_locations.coords is NOT NULL');
SELECT index_is_type('public', 'vendor_locations', 'vendor_locations_coords_gist', 'gist');
SELECT col_not_null(
    'public', 'vendor_locations', 'is_open_24x7', 'vendor_locations.is_open_24x7 is NOT NULL'
);
SELECT trigger_is(
    'public', 'vendor_locations', 'vendor_locations_set_updated_at', 'private', 'set_updated_at'
);
SELECT table_privs_are('public', 'vendor_locations', 'anon', ARRAY['SELECT']);

-- vendor_locations: constraints.
SELECT lives_ok(
    $$INSERT INTO public.vendor_locations
          (id, vendor_id, city_id, name, address_line, pincode, coords, is_open_24x7)
      VALUES
      (
          'd0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001',
          'c1000000-0000-4000-8000-000000000001', 'Kondapur', 'Botanical Garden Road',
          '500084', 'SRID=4326;POINT(78.3636 17.4698)', TRUE
      ),
      (
          'd0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000002',
          'c1000000-0000-4000-8000-000000000002', NULL, NULL,
          NULL, 'SRID=4326;POINT(77.6408 12.9784)', FALSE
      )$$,
    'branches in Hyderabad and Bengaluru are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_locations (vendor_id, city_id)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001'
      )$$,
    '23502',
    'null value in column "coords" of relation "vendor_locations" violates not-null constraint'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_locations (vendor_id, city_id, coords)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
          'SRID=4326;POINT(17.4698 78.3636)'
      )$$,
    '23514',
    'new row for relation "vendor_locations" violates check constraint '
    || '"vendor_locations_coords_within_india"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_locations (vendor_id, city_id, coords)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
          'SRID=4326;POINT(103.8198 1.3521)'
      )$$,
    '23514',
    'new row for relation "vendor_locations" violates check constraint '
    || '"vendor_locations_coords_within_india"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_locations (vendor_id, city_id, coords, pincode)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
          'SRID=4326;POINT(78.3636 17.4698)', '5000841'
      )$$,
    '23514',
    'new row for relation "vendor_locations" violates check constraint '
    || '"vendor_locations_pincode_is_indian_pin"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_locations (vendor_id, city_id, coords, name)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
          'SRID=4326;POINT(78.3636 17.4698)', ''
      )$$,
    '23514',
    'new row for relation "vendor_locations" violates check constraint '
    || '"vendor_locations_name_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_locations (vendor_id, city_id, coords, address_line)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
          'SRID=4326;POINT(78.3636 17.4698)', ' '
      )$$,
    '23514',
    'new row for relation "vendor_locations" violates check constraint '
    || '"vendor_locations_address_line_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_locations (vendor_id, city_id, coords)
      VALUES (
          gen_random_uuid(), 'c1000000-0000-4000-8000-000000000001',
          'SRID=4326;POINT(78.3636 17.4698)'
      )$$,
    '23503',
    'insert or update on table "vendor_locations" violates foreign key constraint '
    || '"vendor_locations_vendor_id_fkey"'
);

-- vendor_staff: structure.
SELECT has_table('public', 'vendor_staff', 'table vendor_staff exists');
SELECT col_is_pk('public', 'vendor_staff', 'id', 'vendor_staff.id is the primary key');
SELECT col_not_null('public', 'vendor_staff', 'vendor_id', 'vendor_staff.vendor_id is NOT NULL');
SELECT fk_ok('public', 'vendor_staff', 'vendor_id', 'public', 'vendors', 'id');
SELECT col_not_null('public', 'vendor_staff', 'user_id', 'vendor_staff.user_id is NOT NULL');
SELECT fk_ok('public', 'vendor_staff', 'user_id', 'public', 'profiles', 'id');
SELECT has_index('public', 'vendor_staff', 'vendor_staff_user_id_idx', ARRAY['user_id']);
SELECT col_is_null('public', 'vendor_staff', 'branch_id', 'vendor_staff.branch_id is nullable');
SELECT fk_ok(
    'public', 'vendor_staff', ARRAY['vendor_id', 'branch_id'],
    'public', 'vendor_locations', ARRAY['vendor_id', 'id']
);
SELECT has_index(
    'public', 'vendor_staff', 'vendor_staff_vendor_id_branch_id_idx',
    ARRAY['vendor_id', 'branch_id']
);
SELECT col_is_unique(
    'public', 'vendor_staff', ARRAY['vendor_id', 'user_id'], 'one row per vendor and user'
);
SELECT col_not_null(
    'public', 'vendor_staff', 'access_level', 'vendor_staff.access_level is NOT NULL'
);
SELECT trigger_is(
    'public', 'vendor_staff', 'vendor_staff_set_updated_at', 'private', 'set_updated_at'
);
SELECT table_privs_are('public', 'vendor_staff', 'anon', ARRAY[]::text[]);

-- vendor_staff: constraints.
SELECT lives_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id, branch_id, access_level)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002',
          'd0000000-0000-4000-8000-000000000001', 'STAFF'
      )$$,
    'staff at one of the vendor''s own branches is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id, access_level)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
          'ADMIN'
      )$$,
    'a vendor-wide admin (no branch) is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id, branch_id)
      VALUES (
          'e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
          'd0000000-0000-4000-8000-000000000001'
      )$$,
    '23503',
    'insert or update on table "vendor_staff" violates foreign key constraint '
    || '"vendor_staff_branch_of_same_vendor"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'
      )$$,
    '23505',
    'duplicate key value violates unique constraint "vendor_staff_vendor_id_user_id_key"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id, access_level)
      VALUES (
          'e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
          'OWNER'
      )$$,
    '23514',
    'new row for relation "vendor_staff" violates check constraint '
    || '"vendor_staff_access_level_is_known"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id)
      VALUES ('e0000000-0000-4000-8000-000000000002', gen_random_uuid())$$,
    '23503',
    'insert or update on table "vendor_staff" violates foreign key constraint '
    || '"vendor_staff_user_id_fkey"'
);
SELECT throws_ok(
    $$DELETE FROM public.vendor_locations WHERE id = 'd0000000-0000-4000-8000-000000000001'$$,
    '23503',
    'update or delete on table "vendor_locations" violates foreign key constraint '
    || '"vendor_staff_branch_of_same_vendor" on table "vendor_staff"'
);

-- vendor_kyc: structure.
SELECT has_table('public', 'vendor_kyc', 'table vendor_kyc exists');
SELECT col_is_pk('public', 'vendor_kyc', 'id', 'vendor_kyc.id is the primary key');
SELECT col_not_null('public', 'vendor_kyc', 'vendor_id', 'vendor_kyc.vendor_id is NOT NULL');
SELECT fk_ok('public', 'vendor_kyc', 'vendor_id', 'public', 'vendors', 'id');
SELECT fk_ok(
    'public', 'vendor_kyc', ARRAY['vendor_id', 'branch_id'],
    'public', 'vendor_locations', ARRAY['vendor_id', 'id']
);
SELECT has_index(
    'public', 'vendor_kyc', 'vendor_kyc_vendor_id_branch_id_idx', ARRAY['vendor_id', 'branch_id']
);
SELECT fk_ok('public', 'vendor_kyc', 'verified_by', 'public', 'profiles', 'id');
SELECT has_index('public', 'vendor_kyc', 'vendor_kyc_verified_by_idx', ARRAY['verified_by']);
SELECT col_type_is('public', 'vendor_kyc', 'gstin', 'text', 'vendor_kyc.gstin is text');
SELECT col_type_is('public', 'vendor_kyc', 'dl_number', 'text', 'vendor_kyc.dl_number is text');
SELECT col_type_is('public', 'vendor_kyc', 'license_url', 'text', 'vendor_kyc.license_url is text');
SELECT col_type_is(
    'public', 'vendor_kyc', 'verified_at', 'timestamp with time zone', 'verified_at is timestamptz'
);
SELECT trigger_is(
    'public', 'vendor_kyc', 'vendor_kyc_set_updated_at', 'private', 'set_updated_at'
);
SELECT table_privs_are('public', 'vendor_kyc', 'anon', ARRAY[]::text[]);

-- vendor_kyc: constraints.
SELECT lives_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, gstin, license_url)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', '36AAACH7409R1Z2',
          'e0000000-0000-4000-8000-000000000001/gst-certificate.pdf'
      )$$,
    'a vendor-wide record with a valid GSTIN is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.vendor_kyc
          (vendor_id, branch_id, dl_number, license_url, verified_at, verified_by)
      VALUES (
          'e0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001',
          'TS/HYD/2024/12345', 'e0000000-0000-4000-8000-000000000001/dl-kondapur.pdf',
          now(), 'b0000000-0000-4000-8000-000000000003'
      )$$,
    'a verified drug licence for one branch is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, gstin)
      VALUES ('e0000000-0000-4000-8000-000000000002', '36AAACH7409R1Z3')$$,
    '23514',
    'new row for relation "vendor_kyc" violates check constraint "vendor_kyc_gstin_is_valid"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, gstin)
      VALUES ('e0000000-0000-4000-8000-000000000002', '36aaach7409r1z2')$$,
    '23514',
    'new row for relation "vendor_kyc" violates check constraint "vendor_kyc_gstin_is_valid"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, gstin)
      VALUES ('e0000000-0000-4000-8000-000000000001', '36AAACH7409R1Z2')$$,
    '23505',
    'duplicate key value violates unique constraint "vendor_kyc_vendor_id_gstin_key"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, license_url)
      VALUES ('e0000000-0000-4000-8000-000000000002', 'e0000000/dl.pdf')$$,
    '23514',
    'new row for relation "vendor_kyc" violates check constraint '
    || '"vendor_kyc_has_gstin_or_dl_number"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, dl_number)
      VALUES ('e0000000-0000-4000-8000-000000000002', '  ')$$,
    '23514',
    'new row for relation "vendor_kyc" violates check constraint "vendor_kyc_dl_number_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, dl_number, license_url)
      VALUES (
          'e0000000-0000-4000-8000-000000000002', 'KA-B1-20B-1234',
          'https://example.com/dl.pdf'
      )$$,
    '23514',
    'new row for relation "vendor_kyc" violates check constraint '
    || '"vendor_kyc_license_url_is_storage_path"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, dl_number, license_url)
      VALUES ('e0000000-0000-4000-8000-000000000002', 'KA-B1-20B-1234', '/abs/dl.pdf')$$,
    '23514',
    'new row for relation "vendor_kyc" violates check constraint '
    || '"vendor_kyc_license_url_is_storage_path"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, dl_number, verified_by)
      VALUES (
          'e0000000-0000-4000-8000-000000000002', 'KA-B1-20B-1234',
          'b0000000-0000-4000-8000-000000000003'
      )$$,
    '23514',
    'new row for relation "vendor_kyc" violates check constraint '
    || '"vendor_kyc_verified_by_only_when_verified"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, branch_id, dl_number)
      VALUES (
          'e0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001',
          'KA-B1-20B-1234'
      )$$,
    '23503',
    'insert or update on table "vendor_kyc" violates foreign key constraint '
    || '"vendor_kyc_branch_of_same_vendor"'
);

-- Deletion rules.
SELECT throws_ok(
    $$DELETE FROM public.vendors WHERE id = 'e0000000-0000-4000-8000-000000000001'$$,
    '23503',
    'update or delete on table "vendors" violates foreign key constraint '
    || '"vendor_kyc_vendor_id_fkey" on table "vendor_kyc"'
);
SELECT throws_ok(
    $$DELETE FROM auth.users WHERE id = 'b0000000-0000-4000-8000-000000000001'$$,
    '23503',
    'update or delete on table "profiles" violates foreign key constraint '
    || '"vendors_owner_id_fkey" on table "vendors"'
);
INSERT INTO public.vendor_staff (vendor_id, user_id, branch_id) VALUES (
    'e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
    'd0000000-0000-4000-8000-000000000002'
);
SELECT lives_ok(
    $$DELETE FROM public.vendors WHERE id = 'e0000000-0000-4000-8000-000000000002'$$,
    'a vendor without KYC records can be deleted, with its branches and staff'
);
SELECT is_empty(
    $$SELECT 1 FROM public.vendor_locations
      WHERE vendor_id = 'e0000000-0000-4000-8000-000000000002'
      UNION ALL
      SELECT 1 FROM public.vendor_staff
      WHERE vendor_id = 'e0000000-0000-4000-8000-000000000002'$$,
    'its branches and staff went with it'
);
DELETE FROM auth.users WHERE id = 'b0000000-0000-4000-8000-000000000002';
SELECT is_empty(
    $$SELECT 1 FROM public.vendor_staff
      WHERE user_id = 'b0000000-0000-4000-8000-000000000002'$$,
    'deleting a staff member''s user ends their memberships'
);
DELETE FROM auth.users WHERE id = 'b0000000-0000-4000-8000-000000000003';
SELECT is(
    (
        SELECT verified_by FROM public.vendor_kyc
        WHERE dl_number = 'TS/HYD/2024/12345'
    ),
    NULL,
    'deleting the verifying admin keeps the record and forgets the verifier'
);

SELECT * FROM finish();
ROLLBACK;
