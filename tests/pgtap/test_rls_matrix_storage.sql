-- Row level security matrix, storage buckets and the files in them.
-- Each actor's reads and writes of their own rows and of others', as
-- docs/security.md states them.
BEGIN;
SELECT plan(27);

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

-- Files (as the storage API would store them, inserted as postgres).
INSERT INTO storage.objects (bucket_id, name) VALUES
('static-media', 'banners/diwali.png'),
('prescriptions', 'a0000000-0000-4000-8000-000000000001/rx1.jpg'),
('prescriptions', 'a0000000-0000-4000-8000-000000000002/rx2.jpg'),
('prescriptions', 'a0000000-0000-4000-8000-000000000001/unattached.jpg'),
(
    'lab-reports',
    'a0000000-0000-4000-8000-000000000001/d0000000-0000-4000-8000-000000000001/cbc.pdf'
),
('vendor-compliance', 'b0000000-0000-4000-8000-000000000001/licence.pdf'),
('vendor-compliance', 'b0000000-0000-4000-8000-000000000002/licence.pdf');

SELECT results_eq(
    $$SELECT id, public, file_size_limit > 0, 'application/pdf' = ANY(allowed_mime_types)
      FROM storage.buckets
      WHERE id IN ('static-media', 'prescriptions', 'lab-reports', 'vendor-compliance')
      ORDER BY id$$,
    $$VALUES ('lab-reports', FALSE, TRUE, TRUE), ('prescriptions', FALSE, TRUE, TRUE),
             ('static-media', TRUE, TRUE, FALSE), ('vendor-compliance', FALSE, TRUE, TRUE)$$,
    'the four buckets exist, only static-media is public, all have limits and types'
);

-- anon: static media only.
SET LOCAL ROLE anon;
SELECT is(
    pg_temp.seen('SELECT 1 FROM storage.objects'), 1::bigint, 'anon sees only static media'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name) VALUES ('static-media', 'x.png')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    'anon cannot upload static media'
);
RESET ROLE;

-- patient p1.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'prescriptions'$$),
    2::bigint, 'p1 sees their two prescriptions, not p2''s'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'lab-reports'$$),
    1::bigint, 'p1 sees their lab report'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'vendor-compliance'$$),
    0::bigint, 'p1 sees no compliance file'
);
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('prescriptions', 'a0000000-0000-4000-8000-000000000001/rx9.jpg')$$,
    'p1 uploads a prescription to their folder'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('prescriptions', 'a0000000-0000-4000-8000-000000000002/rx9.jpg')$$,
    '42501',
    'prescription a0000000-0000-4000-8000-000000000002/rx9.jpg is in folder '
    || 'a0000000-0000-4000-8000-000000000002/, which is not yours: upload into your own folder '
    || 'a0000000-0000-4000-8000-000000000001/',
    'p1 cannot upload into p2''s folder, and is told why (change '
    || 'storage_prescription_folder_message)'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000001/d0000000-0000-4000-8000-000000000001/fake.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    'p1 cannot upload a lab report'
);
SELECT is(
    pg_temp.affected($$DELETE FROM storage.objects WHERE bucket_id = 'static-media'$$), 0,
    'p1 cannot delete static media (0 rows)'
);
RESET ROLE;

-- staff s1 of v1 (the lab of p1's order 1).
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000012", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen($$SELECT name FROM storage.objects WHERE bucket_id = 'prescriptions'$$),
    1::bigint, 's1 reads the one prescription attached to its order, nothing else'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'lab-reports'$$),
    1::bigint, 's1 reads the report of its order'
);
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000001/d0000000-0000-4000-8000-000000000001/lipid.pdf')$$,
    's1 uploads a report for its order'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000002/d0000000-0000-4000-8000-000000000002/x.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    's1 cannot upload a report for v2''s order'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000002/d0000000-0000-4000-8000-000000000001/x.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    's1 cannot file its order''s report in another patient''s folder'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'vendor-compliance'$$),
    1::bigint, 's1 reads v1''s compliance file only'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('vendor-compliance', 'b0000000-0000-4000-8000-000000000001/gst.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    's1 (STAFF) cannot upload compliance files'
);
RESET ROLE;

-- viewer w1 of v1 reads but cannot upload reports.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000013", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000001/d0000000-0000-4000-8000-000000000001/v.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    'w1 (VIEWER) cannot upload a report'
);
RESET ROLE;

-- owner o1 uploads compliance files for v1, not v2, and cannot replace them.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000011", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('vendor-compliance', 'b0000000-0000-4000-8000-000000000001/gst.pdf')$$,
    'o1 uploads a compliance file for v1'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('vendor-compliance', 'b0000000-0000-4000-8000-000000000002/gst.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    'o1 cannot upload into v2''s folder'
);
SELECT is(
    pg_temp.affected($$DELETE FROM storage.objects WHERE bucket_id = 'vendor-compliance'$$), 0,
    'o1 cannot delete compliance files (0 rows)'
);
RESET ROLE;

-- staff s2 of v2: p1's prescription rx1 is on order 1 (v1 only), so not theirs.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000022", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'prescriptions'$$),
    1::bigint, 's2 reads only p2''s prescription attached to v2''s order'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'lab-reports'$$),
    0::bigint, 's2 reads no report of v1''s order'
);
RESET ROLE;

-- admin: static media and compliance, not clinical files.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000099", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name) VALUES ('static-media', 'logo.png')$$,
    'the admin uploads static media'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'vendor-compliance'$$),
    3::bigint, 'the admin reads every compliance file'
);
SELECT is(
    pg_temp.affected($$DELETE FROM storage.objects
      WHERE bucket_id = 'vendor-compliance'
        AND name = 'b0000000-0000-4000-8000-000000000002/licence.pdf'$$),
    1, 'the admin deletes a compliance file'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'prescriptions'$$),
    0::bigint, 'the admin reads no prescription (clinical files stay with patient and vendor)'
);
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
