-- Row level security matrix, groups A and B: profiles, family, addresses, vendors, staff, KYC.
-- Each actor's reads and writes of their own rows and of others', as
-- docs/security.md states them.
BEGIN;
SELECT plan(49);

-- Fixtures: the matrix's shared users, vendors, orders and files, and the session's
-- pg_temp.seen(sql) / pg_temp.affected(sql) (tests/pgtap/000_test_helpers.sql).
-- Impersonation as PostgREST does it: SET LOCAL request.jwt.claims to the user's claims and
-- SET LOCAL ROLE authenticated (or anon, service_role); RESET ROLE between actors.
SELECT tests.rls_matrix_fixtures();

-- A signed-up user without a profile yet.
INSERT INTO auth.users (id, email) VALUES
('a0000000-0000-4000-8000-000000000003', 'new@example.in');

-- anon: reference data only.
SET LOCAL ROLE anon;
SELECT ok(pg_temp.seen('SELECT 1 FROM public.states') > 30, 'anon reads the states');
SELECT is(pg_temp.seen('SELECT 1 FROM public.vendor_locations'), 2::bigint, 'anon reads branches');
SELECT throws_ok(
    'SELECT 1 FROM public.profiles', '42501', 'permission denied for table profiles',
    'anon cannot read profiles at all'
);
SELECT is(
    pg_temp.seen('SELECT id, name FROM public.vendors'), 2::bigint,
    'anon reads the active vendors'' public columns'
);
SELECT throws_ok(
    'SELECT commission_rate FROM public.vendors', '42501', 'permission denied for table vendors',
    'anon cannot read commission rates'
);
RESET ROLE;

-- patient p1.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(pg_temp.seen('SELECT 1 FROM public.profiles'), 1::bigint, 'p1 sees only their profile');
SELECT is(
    pg_temp.affected($$UPDATE public.profiles SET full_name = 'Patient 1'
      WHERE id = 'a0000000-0000-4000-8000-000000000001'$$),
    1, 'p1 changes their own name'
);
SELECT is(
    pg_temp.affected($$UPDATE public.profiles SET full_name = 'X'
      WHERE id = 'a0000000-0000-4000-8000-000000000002'$$),
    0, 'p1 cannot change p2''s profile (0 rows)'
);
SELECT throws_ok(
    $$UPDATE public.profiles
      SET role_id = (SELECT r.id FROM public.roles AS r WHERE r.name = 'ADMIN')
      WHERE id = 'a0000000-0000-4000-8000-000000000001'$$,
    '42501', 'only an admin may change role_id of profiles',
    'p1 cannot make themselves an admin'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.roles'), 4::bigint, 'p1 reads the roles');
SELECT is(pg_temp.seen('SELECT 1 FROM public.family_members'), 1::bigint, 'p1 sees their family');
SELECT lives_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation)
      VALUES ('a0000000-0000-4000-8000-000000000001', 'Amma', 'PARENT')$$,
    'p1 adds a family member'
);
SELECT throws_ok(
    $$INSERT INTO public.family_members (owner_id, name, relation)
      VALUES ('a0000000-0000-4000-8000-000000000002', 'Amma', 'PARENT')$$,
    '42501', 'new row violates row-level security policy for table "family_members"',
    'p1 cannot add a family member to p2'
);
SELECT is(
    pg_temp.affected($$UPDATE public.family_members SET name = 'X'
      WHERE id = 'f1000000-0000-4000-8000-000000000002'$$),
    0, 'p1 cannot change p2''s family member (0 rows)'
);
SELECT is(
    pg_temp.affected($$DELETE FROM public.family_members
      WHERE id = 'f1000000-0000-4000-8000-000000000002'$$),
    0, 'p1 cannot delete p2''s family member (0 rows)'
);
SELECT is(
    pg_temp.affected($$UPDATE public.family_members SET name = 'Meera K'
      WHERE id = 'f1000000-0000-4000-8000-000000000001'$$),
    1, 'p1 changes their own family member'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.addresses'), 1::bigint, 'p1 sees their address');
SELECT throws_ok(
    $$INSERT INTO public.addresses (profile_id, line_1, city_id, pincode)
      VALUES ('a0000000-0000-4000-8000-000000000002', 'x', 'c1000000-0000-4000-8000-000000000001',
              '500001')$$,
    '42501', 'new row violates row-level security policy for table "addresses"',
    'p1 cannot add an address to p2'
);
SELECT is(
    pg_temp.affected($$DELETE FROM public.addresses
      WHERE id = 'f2000000-0000-4000-8000-000000000002'$$),
    0, 'p1 cannot delete p2''s address (0 rows)'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.vendors'), 2::bigint,
    'p1 sees the two active vendors, not the inactive one'
);
SELECT is(
    pg_temp.affected($$UPDATE public.vendors SET name = 'X'
      WHERE id = 'b0000000-0000-4000-8000-000000000001'$$),
    0, 'p1 cannot change a vendor (0 rows)'
);
SELECT throws_ok(
    $$INSERT INTO public.vendors (name, type, owner_id)
      VALUES ('Mine', 'PHARMACY', 'a0000000-0000-4000-8000-000000000001')$$,
    '42501', 'new row violates row-level security policy for table "vendors"',
    'p1 cannot create a vendor'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.vendor_staff'), 0::bigint, 'p1 sees no staff');
SELECT is(pg_temp.seen('SELECT 1 FROM public.vendor_kyc'), 0::bigint, 'p1 sees no KYC');
RESET ROLE;

-- a new user creates their own profile, as a patient only.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000003", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$INSERT INTO public.profiles (id, full_name, role_id)
      VALUES ('a0000000-0000-4000-8000-000000000003', 'New',
              (SELECT r.id FROM public.roles AS r WHERE r.name = 'ADMIN'))$$,
    '42501', 'new row violates row-level security policy for table "profiles"',
    'a new user cannot create an admin profile'
);
SELECT throws_ok(
    $$INSERT INTO public.profiles (id, full_name, role_id)
      VALUES ('a0000000-0000-4000-8000-000000000002', 'New',
              (SELECT r.id FROM public.roles AS r WHERE r.name = 'PATIENT'))$$,
    '42501', 'new row violates row-level security policy for table "profiles"',
    'a new user cannot create a profile for someone else'
);
SELECT lives_ok(
    $$INSERT INTO public.profiles (id, full_name, role_id)
      VALUES ('a0000000-0000-4000-8000-000000000003', 'New',
              (SELECT r.id FROM public.roles AS r WHERE r.name = 'PATIENT'))$$,
    'a new user creates their own patient profile'
);
RESET ROLE;

-- staff s1 of v1.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000012", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.vendor_staff'), 2::bigint,
    's1 sees v1''s staff (s1 and w1), not v2''s'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.vendor_kyc'), 1::bigint, 's1 sees v1''s KYC only'
);
SELECT is(
    pg_temp.affected($$UPDATE public.vendors SET name = 'X'
      WHERE id = 'b0000000-0000-4000-8000-000000000001'$$),
    0, 's1 (STAFF) cannot change v1 itself (0 rows)'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id)
      VALUES ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002')$$,
    '42501', 'new row violates row-level security policy for table "vendor_staff"',
    's1 (STAFF) cannot add staff'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, dl_number)
      VALUES ('b0000000-0000-4000-8000-000000000001', 'TS-DL-9')$$,
    '42501', 'new row violates row-level security policy for table "vendor_kyc"',
    's1 cannot add KYC records'
);
RESET ROLE;

-- owner o1 of v1.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000011", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected($$UPDATE public.vendors SET name = 'Lab One Plus'
      WHERE id = 'b0000000-0000-4000-8000-000000000001'$$),
    1, 'o1 renames their vendor'
);
SELECT throws_ok(
    $$UPDATE public.vendors SET commission_rate = 0
      WHERE id = 'b0000000-0000-4000-8000-000000000001'$$,
    '42501', 'only an admin may change commission_rate of vendors',
    'o1 cannot lower their own commission'
);
SELECT is(
    pg_temp.affected($$UPDATE public.vendors SET name = 'X'
      WHERE id = 'b0000000-0000-4000-8000-000000000002'$$),
    0, 'o1 cannot change v2 (0 rows)'
);
SELECT lives_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id, access_level)
      VALUES ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002',
              'VIEWER')$$,
    'o1 adds a staff member to v1'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_staff (vendor_id, user_id)
      VALUES ('b0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000011')$$,
    '42501', 'new row violates row-level security policy for table "vendor_staff"',
    'o1 cannot make themselves staff of v2'
);
SELECT is(
    pg_temp.affected($$UPDATE public.vendor_locations SET name = 'Lab One HQ'
      WHERE id = 'b1000000-0000-4000-8000-000000000001'$$),
    1, 'o1 changes their branch'
);
SELECT is(
    pg_temp.affected($$UPDATE public.vendor_locations SET name = 'X'
      WHERE id = 'b1000000-0000-4000-8000-000000000002'$$),
    0, 'o1 cannot change v2''s branch (0 rows)'
);
RESET ROLE;

-- owner o2 sees their inactive vendor too.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000021", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.vendors'), 3::bigint,
    'o2 sees the active vendors and their own inactive one'
);
SELECT throws_ok(
    $$UPDATE public.vendors SET is_active = TRUE
      WHERE id = 'b0000000-0000-4000-8000-000000000003'$$,
    '42501', 'only an admin may change is_active of vendors',
    'o2 cannot reactivate their vendor'
);
RESET ROLE;

-- admin.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000099", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(pg_temp.seen('SELECT 1 FROM public.profiles'), 9::bigint, 'the admin sees all profiles');
SELECT is(pg_temp.seen('SELECT 1 FROM public.vendors'), 3::bigint, 'the admin sees all vendors');
SELECT is(pg_temp.seen('SELECT 1 FROM public.vendor_kyc'), 2::bigint, 'the admin sees all KYC');
SELECT is(
    pg_temp.affected($$UPDATE public.profiles
      SET role_id = (SELECT r.id FROM public.roles AS r WHERE r.name = 'STAFF')
      WHERE id = 'a0000000-0000-4000-8000-000000000002'$$),
    1, 'the admin changes another user''s role'
);
SELECT is(
    pg_temp.affected($$UPDATE public.vendors SET commission_rate = 8
      WHERE id = 'b0000000-0000-4000-8000-000000000001'$$),
    1, 'the admin changes a commission rate'
);
SELECT lives_ok(
    $$INSERT INTO public.vendor_kyc (vendor_id, dl_number)
      VALUES ('b0000000-0000-4000-8000-000000000002', 'TS-DL-22')$$,
    'the admin records KYC'
);
RESET ROLE;

-- service_role bypasses RLS and the guards.
SET LOCAL ROLE service_role;
SELECT is(pg_temp.seen('SELECT 1 FROM public.profiles'), 9::bigint, 'service_role sees all');
SELECT is(
    pg_temp.affected($$UPDATE public.vendors SET commission_rate = 9
      WHERE id = 'b0000000-0000-4000-8000-000000000002'$$),
    1, 'service_role changes a commission rate'
);
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
