-- Row level security matrix, catalogue, pricing, slots, configuration and audit log.
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

-- anon reads the catalogue, prices and slots, and writes nothing.
SET LOCAL ROLE anon;
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.lab_pricing'), 2::bigint, 'anon reads both labs'' prices'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.availability_slots'), 2::bigint, 'anon reads the slots'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.service_catalog'), 1::bigint, 'anon reads the catalogue'
);
SELECT ok(pg_temp.seen('SELECT 1 FROM public.doctor_slots') >= 0, 'anon reads doctor slots');
SELECT throws_ok(
    $$UPDATE public.lab_pricing SET price = 1$$, '42501', 'permission denied for table lab_pricing',
    'anon cannot change prices'
);
SELECT throws_ok(
    'SELECT 1 FROM public.audit_logs', '42501', 'permission denied for table audit_logs',
    'anon cannot read the audit log'
);
RESET ROLE;

-- patient p1 changes no price or slot.
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000001"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected('UPDATE public.lab_pricing SET price = 1'), 0, 'p1 changes no price (0 rows)'
);
SELECT is(
    pg_temp.affected('DELETE FROM public.availability_slots'), 0, 'p1 deletes no slot (0 rows)'
);
SELECT is(
    pg_temp.affected('UPDATE public.lab_tests SET name = name'), 0, 'p1 changes no master (0 rows)'
);
RESET ROLE;

-- staff s1 of v1 manages v1's prices and slots only.
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000012"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected('UPDATE public.lab_pricing SET price = 480'), 1,
    's1 changes v1''s price, and only that one'
);
SELECT is(
    pg_temp.affected($$DELETE FROM public.availability_slots
      WHERE vendor_id = 'b0000000-0000-4000-8000-000000000002'$$),
    0, 's1 cannot delete v2''s slot (0 rows)'
);
SELECT lives_ok(
    $$INSERT INTO public.availability_slots (service_catalog_id, vendor_id, start_time, end_time)
      VALUES ('e2000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
              '2026-12-02 10:00+05:30', '2026-12-02 10:30+05:30')$$,
    's1 opens a slot for v1'
);
SELECT throws_ok(
    $$INSERT INTO public.availability_slots (service_catalog_id, vendor_id, start_time, end_time)
      VALUES ('e2000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002',
              '2026-12-02 10:00+05:30', '2026-12-02 10:30+05:30')$$,
    '42501', 'new row violates row-level security policy for table "availability_slots"',
    's1 cannot open a slot for v2'
);
SELECT throws_ok(
    $$UPDATE public.lab_pricing SET vendor_id = 'b0000000-0000-4000-8000-000000000002',
          branch_id = 'b1000000-0000-4000-8000-000000000002'
      WHERE id = 'e3000000-0000-4000-8000-000000000001'$$,
    '42501', 'new row violates row-level security policy for table "lab_pricing"',
    's1 cannot move v1''s price to v2'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.audit_logs'), 0::bigint, 's1 reads no audit log');
RESET ROLE;

-- viewer w1 of v1 reads but changes nothing.
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000013"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected('UPDATE public.lab_pricing SET price = 470'), 0,
    'w1 (VIEWER) changes no price (0 rows)'
);
RESET ROLE;

-- the admin runs the catalogue and the configuration.
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000099"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected('UPDATE public.lab_pricing SET price = 400'), 2, 'the admin changes any price'
);
SELECT is(
    pg_temp.affected('UPDATE public.service_catalog SET is_active = FALSE'), 1,
    'the admin retires a catalogue entry'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.service_catalog'), 1::bigint,
    'the admin still sees the retired entry'
);
SELECT lives_ok(
    $$INSERT INTO public.feature_flags (feature_key, enabled) VALUES ('video_consult', TRUE)$$,
    'the admin adds a feature flag'
);
SELECT lives_ok(
    $$INSERT INTO public.ui_menus (menu_type, title, is_active)
      VALUES ('MOBILE', 'Draft menu', FALSE)$$,
    'the admin adds an inactive menu'
);
RESET ROLE;

SET LOCAL ROLE anon;
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.service_catalog'), 0::bigint,
    'anon no longer sees the retired catalogue entry'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM public.ui_menus WHERE title = 'Draft menu'$$), 0::bigint,
    'anon does not see an inactive menu'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM public.feature_flags WHERE feature_key = 'video_consult'$$),
    1::bigint, 'anon reads feature flags'
);
RESET ROLE;

-- Every admin-only or vendor-only table refuses a patient's insert (RLS is checked
-- before constraints, so an empty row suffices).
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000001"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    'INSERT INTO public.vendors DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "vendors"',
    'a patient cannot add to vendors'
);
SELECT throws_ok(
    'INSERT INTO public.vendor_kyc DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "vendor_kyc"',
    'a patient cannot add to vendor_kyc'
);
SELECT throws_ok(
    'INSERT INTO public.service_catalog DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "service_catalog"',
    'a patient cannot add to service_catalog'
);
SELECT throws_ok(
    'INSERT INTO public.medicine_master DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "medicine_master"',
    'a patient cannot add to medicine_master'
);
SELECT throws_ok(
    'INSERT INTO public.medicine_alternatives DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "medicine_alternatives"',
    'a patient cannot add to medicine_alternatives'
);
SELECT throws_ok(
    'INSERT INTO public.lab_tests DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "lab_tests"',
    'a patient cannot add to lab_tests'
);
SELECT throws_ok(
    'INSERT INTO public.scans_master DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "scans_master"',
    'a patient cannot add to scans_master'
);
SELECT throws_ok(
    'INSERT INTO public.doctors DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "doctors"',
    'a patient cannot add to doctors'
);
SELECT throws_ok(
    'INSERT INTO public.services_master DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "services_master"',
    'a patient cannot add to services_master'
);
SELECT throws_ok(
    'INSERT INTO public.refunds DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "refunds"',
    'a patient cannot add to refunds'
);
SELECT throws_ok(
    'INSERT INTO public.marketing_assets DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "marketing_assets"',
    'a patient cannot add to marketing_assets'
);
SELECT throws_ok(
    'INSERT INTO public.feature_flags DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "feature_flags"',
    'a patient cannot add to feature_flags'
);
SELECT throws_ok(
    'INSERT INTO public.content_master DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "content_master"',
    'a patient cannot add to content_master'
);
SELECT throws_ok(
    'INSERT INTO public.taxonomies DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "taxonomies"',
    'a patient cannot add to taxonomies'
);
SELECT throws_ok(
    'INSERT INTO public.taxonomy_terms DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "taxonomy_terms"',
    'a patient cannot add to taxonomy_terms'
);
SELECT throws_ok(
    'INSERT INTO public.service_taxonomy_map DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "service_taxonomy_map"',
    'a patient cannot add to service_taxonomy_map'
);
SELECT throws_ok(
    'INSERT INTO public.ui_menu_items DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "ui_menu_items"',
    'a patient cannot add to ui_menu_items'
);
SELECT throws_ok(
    'INSERT INTO public.ui_carousel_items DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "ui_carousel_items"',
    'a patient cannot add to ui_carousel_items'
);
SELECT throws_ok(
    'INSERT INTO public.ui_menus DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "ui_menus"',
    'a patient cannot add to ui_menus'
);
SELECT throws_ok(
    'INSERT INTO public.ui_carousels DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "ui_carousels"',
    'a patient cannot add to ui_carousels'
);
SELECT throws_ok(
    'INSERT INTO public.medicine_inventory DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "medicine_inventory"',
    'a patient cannot add to medicine_inventory'
);
SELECT throws_ok(
    'INSERT INTO public.lab_pricing DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "lab_pricing"',
    'a patient cannot add to lab_pricing'
);
SELECT throws_ok(
    'INSERT INTO public.scan_pricing DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "scan_pricing"',
    'a patient cannot add to scan_pricing'
);
SELECT throws_ok(
    'INSERT INTO public.service_pricing DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "service_pricing"',
    'a patient cannot add to service_pricing'
);
SELECT throws_ok(
    'INSERT INTO public.availability_slots DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "availability_slots"',
    'a patient cannot add to availability_slots'
);
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
