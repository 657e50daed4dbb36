-- Group A, identity and access: roles, profiles, family_members, addresses.
BEGIN;
SELECT plan(99);

-- Fixtures: two auth users, a city.
INSERT INTO auth.users (id, email) VALUES
('a0000000-0000-4000-8000-000000000001', 'asha@example.in'),
('a0000000-0000-4000-8000-000000000002', 'ravi@example.in'),
('a0000000-0000-4000-8000-000000000003', 'gone@example.in');
INSERT INTO public.cities (id, state_code, name, centre) VALUES
('c0000000-0000-4000-8000-000000000001', '36', 'Hyderabad', 'SRID=4326;POINT(78.4867 17.3850)');

-- roles: structure.
SELECT has_table('public', 'roles', 'table roles exists');
SELECT col_is_pk('public', 'roles', 'id', 'roles.id is the primary key');
SELECT col_type_is('public', 'roles', 'id', 'uuid', 'roles.id is uuid');
SELECT col_not_null('public', 'roles', 'name', 'roles.name is NOT NULL');
SELECT col_is_unique('public', 'roles', 'name', 'roles.name is unique');
SELECT col_type_is('public', 'roles', 'permissions', 'jsonb', 'roles.permissions is jsonb');
SELECT col_not_null('public', 'roles', 'permissions', 'roles.permissions is NOT NULL');
SELECT col_default_is(
    'public', 'roles', 'permissions', '{}'::jsonb, 'permissions default to {}'
);
SELECT col_not_null('public', 'roles', 'created_at', 'roles.created_at is NOT NULL');
SELECT col_not_null('public', 'roles', 'updated_at', 'roles.updated_at is NOT NULL');
SELECT trigger_is('public', 'roles', 'roles_set_updated_at', 'private', 'set_updated_at');
SELECT results_eq(
    $$SELECT name FROM public.roles ORDER BY name$$,
    $$VALUES ('ADMIN'), ('PATIENT'), ('STAFF'), ('VENDOR_ADMIN')$$,
    'roles are seeded with the design''s four'
);
SELECT table_privs_are('public', 'roles', 'anon', ARRAY[]::text[]);
SELECT table_privs_are('public', 'roles', 'authenticated', ARRAY['SELECT']);

-- roles: constraints.
SELECT lives_ok(
    $$INSERT INTO public.roles (name, permissions)
      VALUES ('LAB_TECHNICIAN', '{"reports.write": true}')$$,
    'an UPPER_SNAKE_CASE role with an object of permissions is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.roles (name) VALUES ('Pharmacist')$$,
    '23514',
    'new row for relation "roles" violates check constraint "roles_name_is_upper_snake_case"'
);
SELECT throws_ok(
    $$INSERT INTO public.roles (name, permissions) VALUES ('AUDITOR', '["orders.read"]')$$,
    '23514',
    'new row for relation "roles" violates check constraint "roles_permissions_is_object"'
);
SELECT throws_ok(
    $$INSERT INTO public.roles (name) VALUES ('ADMIN')$$,
    '23505',
    'duplicate key value violates unique constraint "roles_name_key"'
);

-- profiles: structure.
SELECT has_table('public', 'profiles', 'table profiles exists');
SELECT col_is_pk('public', 'profiles', 'id', 'profiles.id is the primary key');
SELECT col_type_is('public', 'profiles', 'id', 'uuid', 'profiles.id is uuid');
SELECT fk_ok('public', 'profiles', 'id', 'auth', 'users', 'id');
SELECT col_type_is('public', 'profiles', 'full_name', 'text', 'profiles.full_name is text');
SELECT col_type_is('public', 'profiles', 'phone', 'text', 'profiles.phone is text');
SELECT col_is_unique('public', 'profiles', 'phone', 'profiles.phone is unique');
SELECT col_not_null('public', 'profiles', 'role_id', 'profiles.role_id is NOT NULL');
SELECT fk_ok('public', 'profiles', 'role_id', 'public', 'roles', 'id');
SELECT has_index('public', 'profiles', 'profiles_role_id_idx', ARRAY['role_id']);
SELECT col_not_null('public', 'profiles', 'created_at', 'profiles.created_at is NOT NULL');
SELECT col_not_null('public', 'profiles', 'updated_at', 'profiles.updated_at is NOT NULL');
SELECT trigger_is(
    'public', 'profiles', 'profiles_set_updated_at', 'private', 'set_updated_at'
);
SELECT is(
    (SELECT relrowsecurity FROM pg_catalog.pg_class WHERE oid = 'public.profiles'::regclass),
    TRUE,
    'profiles has RLS enabled'
);
SELECT table_privs_are('public', 'profiles', 'anon', ARRAY[]::text[]);
SELECT table_privs_are(
    'public', 'profiles', 'authenticated', ARRAY['SELECT', 'INSERT', 'UPDATE']
);

-- profiles: constraints.
SELECT lives_ok(
    $$INSERT INTO public.profiles (id, full_name, phone, role_id)
      SELECT 'a0000000-0000-4000-8000-000000000001', 'Asha Rao', '+919876543210', id
      FROM public.roles WHERE name = 'PATIENT'$$,
    'a profile with an Indian mobile number is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.profiles (id, role_id)
      SELECT 'a0000000-0000-4000-8000-000000000002', id
      FROM public.roles WHERE name = 'PATIENT'$$,
    'a profile without name or phone yet is accepted'
);
SELECT throws_ok(
    $$UPDATE public.profiles SET phone = '+915876543210'
      WHERE id = 'a0000000-0000-4000-8000-000000000002'$$,
    '23514',
    'new row for relation "profiles" violates check constraint "profiles_phone_is_indian_mobile"'
);
SELECT throws_ok(
    $$UPDATE public.profiles SET phone = '9876543210'
      WHERE id = 'a0000000-0000-4000-8000-000000000002'$$,
    '23514',
    'new row for relation "profiles" violates check constraint "profiles_phone_is_indian_mobile"'
);
SELECT throws_ok(
    $$UPDATE public.profiles SET phone = '+91987654321'
      WHERE id = 'a0000000-0000-4000-8000-000000000002'$$,
    '23514',
    'new row for relation "profiles" violates check constraint "profiles_phone_is_indian_mobile"'
);
SELECT throws_ok(
    $$UPDATE public.profiles SET phone = '+919876543210'
      WHERE id = 'a0000000-0000-4000-8000-000000000002'$$,
    '23505',
    'duplicate key value violates unique constraint "profiles_phone_key"'
);
SELECT throws_ok(
    $$UPDATE public.profiles SET full_name = ' '
      WHERE id = 'a0000000-0000-4000-8000-000000000002'$$,
    '23514',
    'new row for relation "profiles" violates check constraint "profiles_full_name_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.profiles (id, role_id)
      VALUES ('a0000000-0000-4000-8000-000000000003', NULL)$$,
    '23502',
    'null value in column "role_id" of relation "profiles" violates not-null constraint'
);
SELECT throws_ok(
    $$INSERT INTO public.profiles (id, role_id)
      VALUES ('a0000000-0000-4000-8000-000000000003', gen_random_uuid())$$,
    '23503',
    'insert or update on table "profiles" violates foreign key constraint '
    || '"profiles_role_id_fkey"'
);
SELECT throws_ok(
    $$INSERT INTO public.profiles (id, role_id)
      SELECT gen_random_uuid(), id FROM public.roles WHERE name = 'PATIENT'$$,
    '23503',
    'insert or update on table "profiles" violates foreign key constraint "profiles_id_fkey"'
);
SELECT throws_ok(
    $$DELETE FROM public.roles WHERE name = 'PATIENT'$$,
    '23503',
    'update or delete on table "roles" violates foreign key constraint '
    || '"profiles_role_id_fkey" on table "profiles"'
);

-- family_members: structure.
SELECT has_table('public', 'family_members', 'table family_members exists');
SELECT col_is_pk('public', 'family_members', 'id', 'family_members.id is the primary key');
SELECT col_not_null('public', 'family_members', 'owner_id', 'family_members.owner_id is NOT NULL');
SELECT fk_ok('public', 'family_members', 'owner_id', 'public', 'profiles', 'id');
SELECT has_index(
    'public', 'family_members', 'family_members_owner_id_idx', ARRAY['owner_id']
);
SELECT col_not_null('public', 'family_members', 'name', 'family_members.name is NOT NULL');
SELECT col_not_null('public', 'family_members', 'relation', 'family_members.relation is NOT NULL');
SELECT col_type_is('public', 'family_members', 'dob', 'date', 'family_members.dob is date');
SELECT col_type_is(
    'public', 'family_members', 'medical_history', 'jsonb', 'medical_history is jsonb'
);
SELECT col_not_null(
    'public', 'family_members', 'medical_history', 'family_members.medical_history is NOT NULL'
);
SELECT trigger_is(
    'public', 'family_members', 'family_members_set_updated_at', 'private', 'set_updated_at'
);
SELECT table_privs_are(
    'public', 'family_members', 'authenticated', ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']
);

-- family_members: constraints.
SELECT lives_ok(
    $$INSERT INTO public.family_members (id, owner_id, name, relation, dob, medical_history)
      VALUES (
          'f0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
          'Meera Rao', 'PARENT', '1958-03-14', '{"allergies": ["penicillin"]}'
      )$$,
    'a parent with a date of birth and a history object is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation, dob)
      VALUES ('a0000000-0000-4000-8000-000000000001', 'Newborn', 'CHILD', current_date)$$,
    'a child born today is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation)
      VALUES ('a0000000-0000-4000-8000-000000000001', '', 'CHILD')$$,
    '23514',
    'new row for relation "family_members" violates check constraint '
    || '"family_members_name_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation)
      VALUES ('a0000000-0000-4000-8000-000000000001', 'Tommy', 'PET')$$,
    '23514',
    'new row for relation "family_members" violates check constraint '
    || '"family_members_relation_is_known"'
);
SELECT throws_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation)
      VALUES ('a0000000-0000-4000-8000-000000000001', 'Lower', 'child')$$,
    '23514',
    'new row for relation "family_members" violates check constraint '
    || '"family_members_relation_is_known"'
);
SELECT throws_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation, dob)
      VALUES ('a0000000-0000-4000-8000-000000000001', 'Unborn', 'CHILD', current_date + 1)$$,
    '23514',
    'new row for relation "family_members" violates check constraint '
    || '"family_members_dob_not_in_future"'
);
SELECT throws_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation, dob)
      VALUES ('a0000000-0000-4000-8000-000000000001', 'Ancient', 'GRANDPARENT', '1899-12-31')$$,
    '23514',
    'new row for relation "family_members" violates check constraint '
    || '"family_members_dob_after_1900"'
);
SELECT throws_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation, medical_history)
      VALUES ('a0000000-0000-4000-8000-000000000001', 'Arr', 'SIBLING', '["asthma"]')$$,
    '23514',
    'new row for relation "family_members" violates check constraint '
    || '"family_members_medical_history_is_object"'
);
SELECT throws_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation)
      VALUES (gen_random_uuid(), 'Orphan', 'OTHER')$$,
    '23503',
    'insert or update on table "family_members" violates foreign key constraint '
    || '"family_members_owner_id_fkey"'
);

-- addresses: structure.
SELECT has_table('public', 'addresses', 'table addresses exists');
SELECT col_is_pk('public', 'addresses', 'id', 'addresses.id is the primary key');
SELECT col_not_null('public', 'addresses', 'profile_id', 'addresses.profile_id is NOT NULL');
SELECT fk_ok('public', 'addresses', 'profile_id', 'public', 'profiles', 'id');
SELECT has_index('public', 'addresses', 'addresses_profile_id_idx', ARRAY['profile_id']);
SELECT col_not_null('public', 'addresses', 'tag', 'addresses.tag is NOT NULL');
SELECT col_not_null('public', 'addresses', 'line_1', 'addresses.line_1 is NOT NULL');
SELECT col_not_null('public', 'addresses', 'city_id', 'addresses.city_id is NOT NULL');
SELECT fk_ok('public', 'addresses', 'city_id', 'public', 'cities', 'id');
SELECT has_index('public', 'addresses', 'addresses_city_id_idx', ARRAY['city_id']);
SELECT col_not_null('public', 'addresses', 'pincode', 'addresses.pincode is NOT NULL');
SELECT col_type_is(
    'public', 'addresses', 'coords', 'extensions', 'geography(Point,4326)',
    'addresses.coords is a WGS 84 point'
);
SELECT index_is_type('public', 'addresses', 'addresses_coords_gist', 'gist');
SELECT col_not_null('public', 'addresses', 'is_default', 'addresses.is_default is NOT NULL');
SELECT col_default_is(
    'public', 'addresses', 'is_default', FALSE, 'addresses are not the default by default'
);
SELECT index_is_unique('public', 'addresses', 'addresses_one_default_per_profile');
SELECT is(
    (
        SELECT pg_catalog.pg_get_expr(indpred, indrelid) FROM pg_catalog.pg_index
        WHERE indexrelid = 'public.addresses_one_default_per_profile'::regclass
    ),
    'is_default',
    'the one-default index covers only default addresses'
);
SELECT trigger_is(
    'public', 'addresses', 'addresses_set_updated_at', 'private', 'set_updated_at'
);

-- addresses: constraints.
SELECT lives_ok(
    $$INSERT INTO public.addresses
          (id, profile_id, tag, line_1, city_id, pincode, coords, is_default)
      VALUES (
          'ad000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
          'Home', 'Plot 12, Road 3, Banjara Hills', 'c0000000-0000-4000-8000-000000000001',
          '500034', 'SRID=4326;POINT(78.4398 17.4156)', TRUE
      )$$,
    'a geolocated default home address is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.addresses (profile_id, tag, line_1, city_id, pincode)
      VALUES (
          'a0000000-0000-4000-8000-000000000001', 'Office', 'Hitec City',
          'c0000000-0000-4000-8000-000000000001', '500081'
      )$$,
    'a second, non-default, not yet geocoded address is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode, is_default)
      VALUES (
          'a0000000-0000-4000-8000-000000000002', 'Kukatpally',
          'c0000000-0000-4000-8000-000000000001', '500072', TRUE
      )$$,
    'another profile''s default address is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode, is_default)
      VALUES (
          'a0000000-0000-4000-8000-000000000001', 'Second default',
          'c0000000-0000-4000-8000-000000000001', '500072', TRUE
      )$$,
    '23505',
    'duplicate key value violates unique constraint "addresses_one_default_per_profile"'
);
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode)
      VALUES (
          'a0000000-0000-4000-8000-000000000001', 'Zero PIN',
          'c0000000-0000-4000-8000-000000000001', '050034'
      )$$,
    '23514',
    'new row for relation "addresses" violates check constraint "addresses_pincode_is_indian_pin"'
);
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode)
      VALUES (
          'a0000000-0000-4000-8000-000000000001', 'Short PIN',
          'c0000000-0000-4000-8000-000000000001', '50003'
      )$$,
    '23514',
    'new row for relation "addresses" violates check constraint "addresses_pincode_is_indian_pin"'
);
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode, coords)
      VALUES (
          'a0000000-0000-4000-8000-000000000001', 'Swapped',
          'c0000000-0000-4000-8000-000000000001', '500034', 'SRID=4326;POINT(17.4156 78.4398)'
      )$$,
    '23514',
    'new row for relation "addresses" violates check constraint "addresses_coords_within_india"'
);
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode, coords)
      VALUES (
          'a0000000-0000-4000-8000-000000000001', 'London',
          'c0000000-0000-4000-8000-000000000001', '500034', 'SRID=4326;POINT(-0.1276 51.5072)'
      )$$,
    '23514',
    'new row for relation "addresses" violates check constraint "addresses_coords_within_india"'
);
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, tag, line_1, city_id, pincode)
      VALUES (
          'a0000000-0000-4000-8000-000000000001', repeat('x', 31), 'Long tag',
          'c0000000-0000-4000-8000-000000000001', '500034'
      )$$,
    '23514',
    'new row for relation "addresses" violates check constraint "addresses_tag_is_short_label"'
);
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode)
      VALUES (
          'a0000000-0000-4000-8000-000000000001', '   ',
          'c0000000-0000-4000-8000-000000000001', '500034'
      )$$,
    '23514',
    'new row for relation "addresses" violates check constraint "addresses_line_1_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode)
      VALUES ('a0000000-0000-4000-8000-000000000001', 'Nowhere', gen_random_uuid(), '500034')$$,
    '23503',
    'insert or update on table "addresses" violates foreign key constraint '
    || '"addresses_city_id_fkey"'
);
SELECT throws_ok(
    $$DELETE FROM public.cities WHERE id = 'c0000000-0000-4000-8000-000000000001'$$,
    '23503',
    'update or delete on table "cities" violates foreign key constraint '
    || '"addresses_city_id_fkey" on table "addresses"'
);

-- Deleting the auth user deletes the profile and everything it owns.
DELETE FROM auth.users WHERE id = 'a0000000-0000-4000-8000-000000000001';
SELECT is_empty(
    $$SELECT 1 FROM public.profiles WHERE id = 'a0000000-0000-4000-8000-000000000001'$$,
    'deleting the auth user deletes the profile'
);
SELECT is_empty(
    $$SELECT 1 FROM public.family_members
      WHERE owner_id = 'a0000000-0000-4000-8000-000000000001'$$,
    'and its family members'
);
SELECT is_empty(
    $$SELECT 1 FROM public.addresses
      WHERE profile_id = 'a0000000-0000-4000-8000-000000000001'$$,
    'and its addresses'
);

SELECT * FROM finish();
ROLLBACK;
