-- Group E, pricing and availability: money rules, branches that belong to the row's vendor
-- (composite foreign keys), slot capacity, optimistic locking, the open-slot index and the
-- doctor_slots view.
BEGIN;
SELECT plan(77);

-- Fixtures: two vendors with one branch each, one row of each master, catalog rows.
INSERT INTO auth.users (id, email) VALUES
('a0000000-0000-4000-8000-0000000000b1', 'owner@pharma.example.in'),
('a0000000-0000-4000-8000-0000000000d1', 'dr.meera@example.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    p.id,
    p.full_name,
    r.id AS role_id
FROM (
    VALUES
    ('a0000000-0000-4000-8000-0000000000b1'::uuid, 'Ravi Kumar'),
    ('a0000000-0000-4000-8000-0000000000d1'::uuid, 'Dr Meera Iyer')
) AS p (id, full_name)
CROSS JOIN public.roles AS r
WHERE r.name = 'VENDOR_ADMIN';
INSERT INTO public.cities (id, state_code, name) VALUES
('c0000000-0000-4000-8000-0000000000b1', '29', 'Mysuru');
INSERT INTO public.vendors (id, name, type, owner_id) VALUES
(
    'b0000000-0000-4000-8000-000000000001', 'Mysuru Medicals', 'PHARMACY',
    'a0000000-0000-4000-8000-0000000000b1'
),
(
    'b0000000-0000-4000-8000-000000000002', 'Chamundi Diagnostics', 'DIAGNOSTIC_LAB',
    'a0000000-0000-4000-8000-0000000000b1'
);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES
(
    'd0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
    'c0000000-0000-4000-8000-0000000000b1', 'SRID=4326;POINT(76.6394 12.2958)'
),
(
    'd0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
    'c0000000-0000-4000-8000-0000000000b1', 'SRID=4326;POINT(76.6500 12.3000)'
);
INSERT INTO public.medicine_master (id, name, hsn_code) VALUES
('e0000000-0000-4000-8000-000000000001', 'Dolo 650', '30049099');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e0000000-0000-4000-8000-000000000002', 'Complete Blood Count', 'CBC', 'BLOOD');
INSERT INTO public.scans_master (id, name, body_part, modality) VALUES
('e0000000-0000-4000-8000-000000000003', 'MRI Brain Plain', 'Brain', 'MRI');
INSERT INTO public.doctors (id, profile_id, specialty, reg_number) VALUES
(
    'e0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-0000000000d1',
    'Cardiology', 'KMC-45321'
);
INSERT INTO public.services_master (id, name, unit) VALUES
('e0000000-0000-4000-8000-000000000005', 'Ambulance (BLS)', 'PER_KM');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    '5c000000-0000-4000-8000-000000000002', 'LAB_TEST', 'lab_tests',
    'e0000000-0000-4000-8000-000000000002'
),
(
    '5c000000-0000-4000-8000-000000000004', 'DOCTOR_CONSULT', 'doctors',
    'e0000000-0000-4000-8000-000000000004'
);

-- Every table of the group: RLS on, public read, API writes under RLS, set_updated_at.
SELECT
    ok(
        bool_and(c.relrowsecurity),
        'row level security is enabled on every pricing and slot table'
    )
FROM pg_catalog.pg_class AS c
WHERE c.oid IN (
    'public.medicine_inventory'::regclass, 'public.lab_pricing'::regclass,
    'public.scan_pricing'::regclass, 'public.service_pricing'::regclass,
    'public.availability_slots'::regclass
);
SELECT table_privs_are('public', t.name, 'anon', ARRAY['SELECT'])
FROM (
    VALUES ('medicine_inventory'), ('lab_pricing'), ('scan_pricing'), ('service_pricing'),
    ('availability_slots')
) AS t (name);
SELECT trigger_is('public', t.name, t.name || '_set_updated_at', 'private', 'set_updated_at')
FROM (
    VALUES ('medicine_inventory'), ('lab_pricing'), ('scan_pricing'), ('service_pricing'),
    ('availability_slots')
) AS t (name);
SELECT col_type_is('public', t.name, t.col, 'inr', t.name || '.' || t.col || ' is money')
FROM (
    VALUES ('medicine_inventory', 'price'), ('medicine_inventory', 'mrp'),
    ('lab_pricing', 'price'), ('lab_pricing', 'mrp'), ('scan_pricing', 'price'),
    ('scan_pricing', 'mrp'), ('service_pricing', 'base_price'),
    ('service_pricing', 'variable_price')
) AS t (name, col);

-- medicine_inventory.
SELECT fk_ok(
    'public', 'medicine_inventory', ARRAY['vendor_id', 'branch_id'],
    'public', 'vendor_locations', ARRAY['vendor_id', 'id']
);
SELECT fk_ok('public', 'medicine_inventory', 'medicine_id', 'public', 'medicine_master', 'id');
SELECT has_index(
    'public', 'medicine_inventory', 'medicine_inventory_vendor_id_branch_id_idx',
    ARRAY['vendor_id', 'branch_id']
);
SELECT lives_ok(
    $$INSERT INTO public.medicine_inventory (medicine_id, vendor_id, branch_id, stock_qty,
                                             price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
              'd0000000-0000-4000-8000-000000000001', 0, 30.00, 30.00)$$,
    'stock at a branch of the vendor, zero units, price equal to MRP, is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_inventory (medicine_id, vendor_id, branch_id, price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
              'd0000000-0000-4000-8000-000000000002', 28.00, 30.00)$$,
    '23503',
    'insert or update on table "medicine_inventory" violates foreign key constraint '
    || '"medicine_inventory_branch_of_vendor"',
    'a branch of another vendor is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_inventory (medicine_id, vendor_id, branch_id, price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
              'd0000000-0000-4000-8000-000000000001', 28.00, 30.00)$$,
    '23505',
    'duplicate key value violates unique constraint "medicine_inventory_one_row_per_branch"',
    'a second stock row for the same medicine and branch is refused'
);
SELECT throws_ok(
    $$UPDATE public.medicine_inventory SET stock_qty = stock_qty - 1$$,
    '23514',
    'new row for relation "medicine_inventory" violates check constraint '
    || '"medicine_inventory_stock_not_negative"',
    'stock never goes negative'
);
SELECT throws_ok(
    $$UPDATE public.medicine_inventory SET price = -1$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative price is refused'
);
SELECT throws_ok(
    $$UPDATE public.medicine_inventory SET price = 30.01$$,
    '23514',
    'new row for relation "medicine_inventory" violates check constraint '
    || '"medicine_inventory_price_within_mrp"',
    'a price above the MRP is refused'
);
SELECT throws_ok(
    $$DELETE FROM public.medicine_master WHERE id = 'e0000000-0000-4000-8000-000000000001'$$,
    '23503',
    'update or delete on table "medicine_master" violates foreign key constraint '
    || '"medicine_inventory_medicine_id_fkey" on table "medicine_inventory"',
    'a stocked medicine cannot be deleted'
);

-- lab_pricing.
SELECT fk_ok(
    'public', 'lab_pricing', ARRAY['vendor_id', 'branch_id'],
    'public', 'vendor_locations', ARRAY['vendor_id', 'id']
);
SELECT fk_ok('public', 'lab_pricing', 'test_id', 'public', 'lab_tests', 'id');
SELECT col_not_null('public', 'lab_pricing', 'nabl_accredited', 'nabl_accredited is NOT NULL');
SELECT lives_ok(
    $$INSERT INTO public.lab_pricing (test_id, vendor_id, branch_id, price, mrp, nabl_accredited)
      VALUES ('e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
              'd0000000-0000-4000-8000-000000000002', 299.00, 450.00, TRUE)$$,
    'a lab rate at a branch of the vendor is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.lab_pricing (test_id, vendor_id, branch_id, price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
              'd0000000-0000-4000-8000-000000000001', 299.00, 450.00)$$,
    '23503',
    'insert or update on table "lab_pricing" violates foreign key constraint '
    || '"lab_pricing_branch_of_vendor"',
    'a lab rate at another vendor''s branch is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.lab_pricing (test_id, vendor_id, branch_id, price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
              'd0000000-0000-4000-8000-000000000002', 199.00, 450.00)$$,
    '23505',
    'duplicate key value violates unique constraint "lab_pricing_one_row_per_branch"',
    'a second rate for the same test at the same branch is refused'
);
SELECT throws_ok(
    $$UPDATE public.lab_pricing SET price = -0.01$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative lab price is refused'
);
SELECT throws_ok(
    $$UPDATE public.lab_pricing SET price = 450.01$$,
    '23514',
    'new row for relation "lab_pricing" violates check constraint '
    || '"lab_pricing_price_within_mrp"',
    'a lab price above the MRP is refused'
);

-- scan_pricing.
SELECT fk_ok(
    'public', 'scan_pricing', ARRAY['vendor_id', 'branch_id'],
    'public', 'vendor_locations', ARRAY['vendor_id', 'id']
);
SELECT fk_ok('public', 'scan_pricing', 'scan_id', 'public', 'scans_master', 'id');
SELECT lives_ok(
    $$INSERT INTO public.scan_pricing (scan_id, vendor_id, branch_id, price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000002',
              'd0000000-0000-4000-8000-000000000002', 0.00, 4500.00)$$,
    'a scan rate (even free) at a branch of the vendor is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.scan_pricing (scan_id, vendor_id, branch_id, price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000002',
              'd0000000-0000-4000-8000-000000000001', 3999.00, 4500.00)$$,
    '23503',
    'insert or update on table "scan_pricing" violates foreign key constraint '
    || '"scan_pricing_branch_of_vendor"',
    'a scan rate at another vendor''s branch is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.scan_pricing (scan_id, vendor_id, branch_id, price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000002',
              'd0000000-0000-4000-8000-000000000002', 3999.00, 4500.00)$$,
    '23505',
    'duplicate key value violates unique constraint "scan_pricing_one_row_per_branch"',
    'a second rate for the same scan at the same branch is refused'
);
SELECT throws_ok(
    $$UPDATE public.scan_pricing SET price = -5$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative scan price is refused'
);
SELECT throws_ok(
    $$UPDATE public.scan_pricing SET price = 5000$$,
    '23514',
    'new row for relation "scan_pricing" violates check constraint '
    || '"scan_pricing_price_within_mrp"',
    'a scan price above the MRP is refused'
);

-- service_pricing (vendor-wide).
SELECT fk_ok('public', 'service_pricing', 'vendor_id', 'public', 'vendors', 'id');
SELECT fk_ok('public', 'service_pricing', 'service_id', 'public', 'services_master', 'id');
SELECT has_index(
    'public', 'service_pricing', 'service_pricing_vendor_id_idx', 'vendor_id',
    'service_pricing.vendor_id is indexed'
);
SELECT lives_ok(
    $$INSERT INTO public.service_pricing (service_id, vendor_id, base_price, variable_price)
      VALUES ('e0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000002',
              500.00, 25.00)$$,
    'a service rate is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.service_pricing (service_id, vendor_id, base_price)
      VALUES ('e0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000002',
              450.00)$$,
    '23505',
    'duplicate key value violates unique constraint "service_pricing_one_row_per_vendor"',
    'a second rate for the same service at the same vendor is refused'
);
SELECT throws_ok(
    $$UPDATE public.service_pricing SET base_price = -1$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative base price is refused'
);
SELECT throws_ok(
    $$UPDATE public.service_pricing SET variable_price = -1$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative per-unit price is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_pricing (service_id, vendor_id, base_price)
      VALUES ('e0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-0000000000ff',
              450.00)$$,
    '23503',
    'insert or update on table "service_pricing" violates foreign key constraint '
    || '"service_pricing_vendor_id_fkey"',
    'a service rate of a missing vendor is refused'
);

-- availability_slots.
SELECT fk_ok(
    'public', 'availability_slots', ARRAY['vendor_id', 'branch_id'],
    'public', 'vendor_locations', ARRAY['vendor_id', 'id']
);
SELECT fk_ok(
    'public', 'availability_slots', 'service_catalog_id', 'public', 'service_catalog', 'id'
);
SELECT col_default_is('public', 'availability_slots', 'version', 0, 'version starts at 0');
SELECT lives_ok(
    $$INSERT INTO public.availability_slots (id, service_catalog_id, vendor_id, branch_id,
                                             start_time, end_time, capacity, booked_count)
      VALUES ('51000000-0000-4000-8000-000000000001', '5c000000-0000-4000-8000-000000000004',
              'b0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000002',
              '2026-12-01 10:00+05:30', '2026-12-01 10:15+05:30', 2, 0),
             ('51000000-0000-4000-8000-000000000002', '5c000000-0000-4000-8000-000000000002',
              'b0000000-0000-4000-8000-000000000002', NULL,
              '2026-12-01 07:00+05:30', '2026-12-01 08:00+05:30', 5, 5)$$,
    'a doctor slot at a branch and a full home-collection slot without a branch are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.availability_slots (service_catalog_id, vendor_id, branch_id,
                                             start_time, end_time)
      VALUES ('5c000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000002',
              'd0000000-0000-4000-8000-000000000001',
              '2026-12-01 11:00+05:30', '2026-12-01 11:15+05:30')$$,
    '23503',
    'insert or update on table "availability_slots" violates foreign key constraint '
    || '"availability_slots_branch_of_vendor"',
    'a slot at another vendor''s branch is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.availability_slots (service_catalog_id, vendor_id, start_time, end_time)
      VALUES ('5c000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000002',
              '2026-12-01 11:00+05:30', '2026-12-01 11:00+05:30')$$,
    '23514',
    'new row for relation "availability_slots" violates check constraint '
    || '"availability_slots_ends_after_start"',
    'a slot that ends when it starts is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.availability_slots (service_catalog_id, vendor_id, start_time, end_time,
                                             capacity)
      VALUES ('5c000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000002',
              '2026-12-01 11:00+05:30', '2026-12-01 11:15+05:30', 0)$$,
    '23514',
    'new row for relation "availability_slots" violates check constraint '
    || '"availability_slots_capacity_positive"',
    'a slot without capacity is refused'
);
SELECT throws_ok(
    $$UPDATE public.availability_slots SET booked_count = 3
      WHERE id = '51000000-0000-4000-8000-000000000001'$$,
    '23514',
    'new row for relation "availability_slots" violates check constraint '
    || '"availability_slots_booked_within_capacity"',
    'overbooking a slot is refused'
);
SELECT throws_ok(
    $$UPDATE public.availability_slots SET booked_count = -1
      WHERE id = '51000000-0000-4000-8000-000000000001'$$,
    '23514',
    'new row for relation "availability_slots" violates check constraint '
    || '"availability_slots_booked_within_capacity"',
    'a negative booked count is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.availability_slots (service_catalog_id, vendor_id, start_time, end_time,
                                             version)
      VALUES ('5c000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000002',
              '2026-12-01 11:00+05:30', '2026-12-01 11:15+05:30', -1)$$,
    '23514',
    'new row for relation "availability_slots" violates check constraint '
    || '"availability_slots_version_not_negative"',
    'a negative version is refused'
);
SELECT is(
    (SELECT count(*)::integer FROM public.availability_slots WHERE booked_count < capacity),
    1,
    'one of the two slots is open'
);

-- Optimistic locking: booking with the version seen; a stale version updates nothing.
SELECT lives_ok(
    $$UPDATE public.availability_slots SET booked_count = booked_count + 1
      WHERE id = '51000000-0000-4000-8000-000000000001' AND version = 0$$,
    'a booking with the current version succeeds'
);
SELECT is(
    (
        SELECT version FROM public.availability_slots
        WHERE id = '51000000-0000-4000-8000-000000000001'
    ),
    1,
    'the trigger raised the version to 1'
);
SELECT is_empty(
    $$UPDATE public.availability_slots SET booked_count = booked_count + 1
      WHERE id = '51000000-0000-4000-8000-000000000001' AND version = 0
      RETURNING id$$,
    'a booking with a stale version updates nothing'
);
SELECT is(
    (
        SELECT version FROM public.availability_slots
        WHERE id = '51000000-0000-4000-8000-000000000001'
    ),
    1,
    'the version stays 1 after the stale attempt'
);
SELECT lives_ok(
    $$UPDATE public.availability_slots SET booked_count = booked_count + 1, version = 0
      WHERE id = '51000000-0000-4000-8000-000000000001' AND version = 1$$,
    'a booking that writes an old version still goes through'
);
SELECT is(
    (
        SELECT version FROM public.availability_slots
        WHERE id = '51000000-0000-4000-8000-000000000001'
    ),
    2,
    'the version cannot be set back: it is 2'
);

-- The partial index over open slots (design section 5).
SELECT index_is_type(
    'public', 'availability_slots', 'availability_slots_open_start_time_idx', 'btree'
);
SELECT has_index(
    'public', 'availability_slots', 'availability_slots_open_start_time_idx', 'start_time',
    'the open-slot index is on start_time'
);
SELECT is(
    (
        SELECT pg_catalog.pg_get_expr(x.indpred, x.indrelid)
        FROM pg_catalog.pg_index AS x
        WHERE x.indexrelid = 'public.availability_slots_open_start_time_idx'::regclass
    ),
    '(booked_count < capacity)',
    'the open-slot index is partial on booked_count < capacity'
);
SELECT matches(
    (
        SELECT i.indexdef FROM pg_catalog.pg_indexes AS i
        WHERE i.schemaname = 'public' AND i.indexname = 'availability_slots_open_start_time_idx'
    ),
    'WHERE \(booked_count < capacity\)$',
    'pg_indexes shows the same predicate'
);

-- doctor_slots.
SELECT has_view('public', 'doctor_slots', 'view doctor_slots exists');
SELECT ok(
    (
        SELECT 'security_invoker=true' = any(c.reloptions) FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.doctor_slots'::regclass
    ),
    'doctor_slots runs with the caller''s rights (security_invoker)'
);
SELECT table_privs_are('public', 'doctor_slots', 'anon', ARRAY['SELECT']);
SELECT results_eq(
    $$SELECT id, doctor_id FROM public.doctor_slots$$,
    $$VALUES ('51000000-0000-4000-8000-000000000001'::uuid,
              'e0000000-0000-4000-8000-000000000004'::uuid)$$,
    'doctor_slots shows the doctor''s slot and not the lab collection slot'
);

SELECT * FROM finish();
ROLLBACK;
