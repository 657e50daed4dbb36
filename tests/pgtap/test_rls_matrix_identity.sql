-- Row level security matrix, groups A and B: profiles, family, addresses, vendors, staff, KYC.
-- Each actor's reads and writes of their own rows and of others', as
-- docs/security.md states them.
BEGIN;
SELECT plan(49);

-- Fixtures (as postgres): two patients (p1, p2); vendor v1 (lab) with owner o1, staff s1 and
-- viewer w1; vendor v2 (pharmacy) with owner o2 and staff s2; an admin. Each patient has an
-- order with an item of their vendor; order 3 of p1 has lines of both vendors.
INSERT INTO auth.users (id, email) VALUES
('a0000000-0000-4000-8000-000000000001', 'p1@example.in'),
('a0000000-0000-4000-8000-000000000002', 'p2@example.in'),
('a0000000-0000-4000-8000-000000000011', 'o1@example.in'),
('a0000000-0000-4000-8000-000000000012', 's1@example.in'),
('a0000000-0000-4000-8000-000000000013', 'w1@example.in'),
('a0000000-0000-4000-8000-000000000021', 'o2@example.in'),
('a0000000-0000-4000-8000-000000000022', 's2@example.in'),
('a0000000-0000-4000-8000-000000000099', 'admin@example.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.id,
    u.name AS full_name,
    r.id AS role_id
FROM (
    VALUES
    ('a0000000-0000-4000-8000-000000000001'::uuid, 'Patient One', 'PATIENT'),
    ('a0000000-0000-4000-8000-000000000002', 'Patient Two', 'PATIENT'),
    ('a0000000-0000-4000-8000-000000000011', 'Owner One', 'VENDOR_ADMIN'),
    ('a0000000-0000-4000-8000-000000000012', 'Staff One', 'STAFF'),
    ('a0000000-0000-4000-8000-000000000013', 'Viewer One', 'STAFF'),
    ('a0000000-0000-4000-8000-000000000021', 'Owner Two', 'VENDOR_ADMIN'),
    ('a0000000-0000-4000-8000-000000000022', 'Staff Two', 'STAFF'),
    ('a0000000-0000-4000-8000-000000000099', 'Admin', 'ADMIN')
) AS u (id, name, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.cities (id, state_code, name) VALUES
('c1000000-0000-4000-8000-000000000001', '36', 'Hyderabad');
INSERT INTO public.vendors (id, name, type, owner_id, commission_rate, is_active) VALUES
(
    'b0000000-0000-4000-8000-000000000001', 'Lab One', 'DIAGNOSTIC_LAB',
    'a0000000-0000-4000-8000-000000000011', 10, TRUE
),
(
    'b0000000-0000-4000-8000-000000000002', 'Pharmacy Two', 'PHARMACY',
    'a0000000-0000-4000-8000-000000000021', 12, TRUE
),
(
    'b0000000-0000-4000-8000-000000000003', 'Closed Three', 'PHARMACY',
    'a0000000-0000-4000-8000-000000000021', 12, FALSE
);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, name, coords) VALUES
(
    'b1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
    'c1000000-0000-4000-8000-000000000001', 'Lab One Ameerpet', 'SRID=4326;POINT(78.44 17.43)'
),
(
    'b1000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
    'c1000000-0000-4000-8000-000000000001', 'Pharmacy Two Abids', 'SRID=4326;POINT(78.47 17.39)'
);
INSERT INTO public.vendor_staff (id, vendor_id, user_id, access_level) VALUES
(
    'b2000000-0000-4000-8000-000000000012', 'b0000000-0000-4000-8000-000000000001',
    'a0000000-0000-4000-8000-000000000012', 'STAFF'
),
(
    'b2000000-0000-4000-8000-000000000013', 'b0000000-0000-4000-8000-000000000001',
    'a0000000-0000-4000-8000-000000000013', 'VIEWER'
),
(
    'b2000000-0000-4000-8000-000000000022', 'b0000000-0000-4000-8000-000000000002',
    'a0000000-0000-4000-8000-000000000022', 'STAFF'
);
INSERT INTO public.vendor_kyc (id, vendor_id, dl_number) VALUES
('b3000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'TS-DL-1'),
('b3000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002', 'TS-DL-2');
INSERT INTO public.vendor_payouts (
    id, vendor_id, period_start, period_end, gross, commission, net
) VALUES
(
    'b4000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
    '2026-10-01', '2026-10-31', 1000, 100, 900
),
(
    'b4000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
    '2026-10-01', '2026-10-31', 2000, 240, 1760
);
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e1000000-0000-4000-8000-000000000001', 'Complete blood count', 'CBC-H6', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id, is_active) VALUES
(
    'e2000000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e1000000-0000-4000-8000-000000000001', TRUE
);
INSERT INTO public.lab_pricing (id, test_id, vendor_id, branch_id, price, mrp) VALUES
(
    'e3000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001',
    'b0000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001', 500, 600
),
(
    'e3000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000001',
    'b0000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000002', 450, 600
);
INSERT INTO public.availability_slots (
    id, service_catalog_id, vendor_id, start_time, end_time
) VALUES
(
    'e4000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001',
    'b0000000-0000-4000-8000-000000000001', '2026-12-01 10:00+05:30', '2026-12-01 10:30+05:30'
),
(
    'e4000000-0000-4000-8000-000000000002', 'e2000000-0000-4000-8000-000000000001',
    'b0000000-0000-4000-8000-000000000002', '2026-12-01 10:00+05:30', '2026-12-01 10:30+05:30'
);
INSERT INTO public.family_members (id, owner_id, name, relation) VALUES
('f1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'Meera', 'CHILD'),
('f1000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002', 'Kiran', 'SPOUSE');
INSERT INTO public.addresses (id, profile_id, line_1, city_id, pincode) VALUES
(
    'f2000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
    '1 MG Road', 'c1000000-0000-4000-8000-000000000001', '500001'
),
(
    'f2000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002',
    '2 Park Lane', 'c1000000-0000-4000-8000-000000000001', '500003'
);
INSERT INTO public.carts (id, profile_id) VALUES
('f3000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001'),
('f3000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002');
INSERT INTO public.cart_items (id, cart_id, service_catalog_id, qty) VALUES
(
    'f4000000-0000-4000-8000-000000000001', 'f3000000-0000-4000-8000-000000000001',
    'e2000000-0000-4000-8000-000000000001', 1
),
(
    'f4000000-0000-4000-8000-000000000002', 'f3000000-0000-4000-8000-000000000002',
    'e2000000-0000-4000-8000-000000000001', 1
);
INSERT INTO public.orders (
    id, profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
    net_amount
)
SELECT
    o.id,
    o.profile_id,
    '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}'
        AS delivery_address,
    '36' AS delivery_state_code,
    1050 AS gross_amount,
    50 AS tax_amount,
    1050 AS net_amount
FROM (
    VALUES
    ('d0000000-0000-4000-8000-000000000001'::uuid, 'a0000000-0000-4000-8000-000000000001'::uuid),
    ('d0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002'),
    ('d0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001')
) AS o (id, profile_id);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
    hsn_code, gst_rate, cgst, sgst, igst, supplier_state_code, service_snapshot
)
SELECT
    i.id,
    i.order_id,
    'e2000000-0000-4000-8000-000000000001' AS service_catalog_id,
    i.vendor_id,
    -- tax-inclusive: 2 x 525 = 1050 = 1000 + 25 + 25 (1050 * 5 / 210 = 25)
    2 AS qty,
    525 AS unit_price,
    1000 AS taxable_value,
    '3004' AS hsn_code,
    5 AS gst_rate,
    25 AS cgst,
    25 AS sgst,
    0 AS igst,
    '36' AS supplier_state_code,
    jsonb_build_object(
        'name', 'CBC', 'service_type', 'LAB_TEST', 'version', 1, 'price', 525,
        'vendor_id', i.vendor_id
    ) AS service_snapshot
FROM (
    VALUES
    (
        'd1000000-0000-4000-8000-000000000001'::uuid,
        'd0000000-0000-4000-8000-000000000001'::uuid,
        'b0000000-0000-4000-8000-000000000001'::uuid
    ),
    (
        'd1000000-0000-4000-8000-000000000002',
        'd0000000-0000-4000-8000-000000000002',
        'b0000000-0000-4000-8000-000000000002'
    ),
    (
        'd1000000-0000-4000-8000-000000000031',
        'd0000000-0000-4000-8000-000000000003',
        'b0000000-0000-4000-8000-000000000001'
    ),
    (
        'd1000000-0000-4000-8000-000000000032',
        'd0000000-0000-4000-8000-000000000003',
        'b0000000-0000-4000-8000-000000000002'
    )
) AS i (id, order_id, vendor_id);
INSERT INTO public.service_bookings (id, order_item_id, patient_id, slot_id) VALUES
(
    'd2000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
    'a0000000-0000-4000-8000-000000000001', 'e4000000-0000-4000-8000-000000000001'
),
(
    'd2000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000002',
    'a0000000-0000-4000-8000-000000000002', 'e4000000-0000-4000-8000-000000000002'
);
INSERT INTO public.order_artifacts (id, order_id, type, file_url, uploaded_by) VALUES
(
    'd3000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'PRESC',
    'prescriptions/a0000000-0000-4000-8000-000000000001/rx1.jpg',
    'a0000000-0000-4000-8000-000000000001'
),
(
    'd3000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000002', 'PRESC',
    'prescriptions/a0000000-0000-4000-8000-000000000002/rx2.jpg',
    'a0000000-0000-4000-8000-000000000002'
);
-- Each vendor's Telangana GST registration and its tax invoice for its line (check characters
-- from an independent implementation of GSTN's algorithm).
INSERT INTO public.gst_registrations (id, vendor_id, gstin, valid_from) VALUES
(
    'd4100000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
    '36AAACH1234H1Z0', '2017-07-01'
),
(
    'd4100000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
    '36AAACL5555L1Z7', '2017-07-01'
);
INSERT INTO public.order_invoices (
    id, order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code,
    registration_id, gstin
)
VALUES
(
    'd4000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001',
    'b0000000-0000-4000-8000-000000000001', 'TI/2627/000001', '2026-11-25', 'TAX_INVOICE', '36',
    'd4100000-0000-4000-8000-000000000001', '36AAACH1234H1Z0'
),
(
    'd4000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000002',
    'b0000000-0000-4000-8000-000000000002', 'TI/2627/000001', '2026-11-25', 'TAX_INVOICE', '36',
    'd4100000-0000-4000-8000-000000000002', '36AAACL5555L1Z7'
);
UPDATE public.order_items AS i SET invoice_id = d.id
FROM public.order_invoices AS d
WHERE d.order_id = i.order_id AND d.vendor_id = i.vendor_id;
UPDATE public.orders
SET payment_status = 'PAID', payment_ref = 'pay_' || right(id::text, 2)
WHERE id IN ('d0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002');
INSERT INTO public.refunds (id, order_item_id, amount, reason) VALUES
('d5000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 100, 'late'),
('d5000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000002', 100, 'late');

-- Impersonation as PostgREST does it: SET LOCAL request.jwt.claims to the user's claims and
-- SET LOCAL ROLE authenticated (or anon, service_role); RESET ROLE between actors.
-- affected(sql) runs a statement as the current role and returns its row count, so an
-- UPDATE or DELETE that RLS filters out shows as 0 rows; seen(sql) counts visible rows.
CREATE FUNCTION pg_temp.affected(p_sql text)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_n integer;
BEGIN
    EXECUTE p_sql;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RETURN v_n;
END;
$$;
CREATE FUNCTION pg_temp.seen(p_sql text)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
    v_n bigint;
BEGIN
    EXECUTE 'SELECT count(*) FROM (' || p_sql || ') AS q' INTO v_n;
    RETURN v_n;
END;
$$;
GRANT EXECUTE ON FUNCTION pg_temp.affected(text), pg_temp.seen(text) TO anon, authenticated;

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
