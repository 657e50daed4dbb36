-- Row level security matrix, groups F and G: carts, orders, bookings, files, money.
-- Each actor's reads and writes of their own rows and of others', as
-- docs/security.md states them.
BEGIN;
SELECT plan(47);

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

-- patient p1: their carts, orders, items, bookings, files, refunds.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(pg_temp.seen('SELECT 1 FROM public.carts'), 1::bigint, 'p1 sees their cart');
SELECT is(pg_temp.seen('SELECT 1 FROM public.cart_items'), 1::bigint, 'p1 sees their cart line');
SELECT is(
    pg_temp.affected($$DELETE FROM public.cart_items
      WHERE id = 'f4000000-0000-4000-8000-000000000002'$$),
    0, 'p1 cannot empty p2''s cart (0 rows)'
);
SELECT throws_ok(
    $$INSERT INTO public.cart_items (cart_id, service_catalog_id)
      VALUES ('f3000000-0000-4000-8000-000000000002', 'e2000000-0000-4000-8000-000000000001')$$,
    '42501', 'new row violates row-level security policy for table "cart_items"',
    'p1 cannot add a line to p2''s cart'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.orders'), 2::bigint, 'p1 sees their two orders');
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.order_items'), 3::bigint,
    'p1 sees all lines of their orders, both vendors'''
);
SELECT throws_ok(
    $$UPDATE public.orders SET net_amount = 1
      WHERE id = 'd0000000-0000-4000-8000-000000000001'$$,
    '42501', NULL, 'p1 cannot change the money of their order'
);
SELECT is(
    pg_temp.affected($$UPDATE public.orders SET status = 'CANCELLED'
      WHERE id = 'd0000000-0000-4000-8000-000000000002'$$),
    0, 'p1 cannot touch p2''s order (0 rows)'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a0000000-0000-4000-8000-000000000002',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 0, 0, 0)$$,
    '42501', 'permission denied for table orders',
    'p1 cannot place an order for p2'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, payment_status, delivery_address, delivery_state_code, gross_amount,
          tax_amount, net_amount, payment_ref
      ) VALUES ('a0000000-0000-4000-8000-000000000001', 'PAID',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 0, 0, 0, 'fake')$$,
    '42501', 'permission denied for table orders',
    'p1 cannot place an order that claims to be paid'
);
-- Checkout goes only through place_order: no direct INSERT of orders, lines, bookings or
-- redemptions, not even the patient's own pending order (change checkout_only_via_place_order).
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a0000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 1, 0, 1)$$,
    '42501', 'permission denied for table orders',
    'p1 cannot insert their own pending order directly (only place_order creates orders)'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, cgst, sgst, igst, service_snapshot
      ) VALUES ('d0000000-0000-4000-8000-000000000003',
       'e2000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
       1, 1, 1, '9993', 0, 0, 0, 0,
       '{"name": "CBC", "service_type": "LAB_TEST", "version": 1, "price": 1,
         "vendor_id": "b0000000-0000-4000-8000-000000000001"}')$$,
    '42501', 'permission denied for table order_items',
    'p1 cannot add a line at their own price to their unpaid order'
);
SELECT throws_ok(
    $$INSERT INTO public.service_bookings (order_item_id, patient_id, slot_id)
      VALUES ('d1000000-0000-4000-8000-000000000031', 'a0000000-0000-4000-8000-000000000001',
              'e4000000-0000-4000-8000-000000000001')$$,
    '42501', 'permission denied for table service_bookings',
    'p1 cannot book a slot seat directly'
);
SELECT throws_ok(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id)
      VALUES (gen_random_uuid(), 'd0000000-0000-4000-8000-000000000003',
              'a0000000-0000-4000-8000-000000000001')$$,
    '42501', 'permission denied for table coupon_redemptions',
    'p1 cannot record a coupon redemption directly'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.service_bookings'), 1::bigint, 'p1 sees their booking'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.order_artifacts'), 1::bigint, 'p1 sees their file'
);
SELECT throws_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url, uploaded_by)
      VALUES ('d0000000-0000-4000-8000-000000000001', 'PRESC',
              'prescriptions/a0000000-0000-4000-8000-000000000002/rx2.jpg',
              'a0000000-0000-4000-8000-000000000001')$$,
    'OM098',
    'prescriptions/a0000000-0000-4000-8000-000000000002/rx2.jpg is not in the folder '
    || 'prescriptions/a0000000-0000-4000-8000-000000000001/ of order '
    || 'd0000000-0000-4000-8000-000000000001''s patient',
    'p1 cannot attach p2''s prescription to their own order (OM098, order_artifact_folders)'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.refunds'), 1::bigint, 'p1 sees their refund');
SELECT is(pg_temp.seen('SELECT 1 FROM public.order_invoices'), 1::bigint, 'p1 sees their invoice');
SELECT is(pg_temp.seen('SELECT 1 FROM public.vendor_payouts'), 0::bigint, 'p1 sees no payouts');
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('d1000000-0000-4000-8000-000000000001', 10, 'mine')$$,
    '42501', 'new row violates row-level security policy for table "refunds"',
    'p1 cannot record a refund'
);
SELECT ok(pg_temp.seen('SELECT 1 FROM public.tax_slabs') > 0, 'p1 reads the tax slabs');
SELECT throws_ok(
    'UPDATE public.tax_slabs SET description = description', '42501',
    'permission denied for table tax_slabs', 'p1 cannot change tax slabs'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.audit_logs'), 0::bigint, 'p1 reads no audit log');
RESET ROLE;

-- staff s1 of v1 (the lab): orders 1 and 3, only its own lines.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000012", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(pg_temp.seen('SELECT 1 FROM public.carts'), 0::bigint, 's1 sees no carts');
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.orders'), 2::bigint,
    's1 sees the two orders with v1''s items'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.order_items'), 2::bigint,
    's1 sees v1''s two lines, not v2''s line of the shared order'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM public.order_items
      WHERE vendor_id = 'b0000000-0000-4000-8000-000000000002'$$),
    0::bigint, 's1 sees no line of v2'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.service_bookings'), 1::bigint, 's1 sees v1''s booking'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.order_artifacts'), 1::bigint,
    's1 sees the file of its order only'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.refunds'), 1::bigint, 's1 sees v1''s refund');
SELECT is(pg_temp.seen('SELECT 1 FROM public.vendor_payouts'), 1::bigint, 's1 sees v1''s payout');
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.order_invoices'), 1::bigint, 's1 sees v1''s invoice'
);
SELECT is(
    pg_temp.affected($$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd0000000-0000-4000-8000-000000000002'$$),
    0, 's1 cannot touch v2''s order (0 rows)'
);
SELECT throws_ok(
    $$UPDATE public.orders SET payment_status = 'REFUNDED'
      WHERE id = 'd0000000-0000-4000-8000-000000000001'$$,
    'OM090',
    'the payment of order d0000000-0000-4000-8000-000000000001 is recorded only by the '
    || 'payment gateway (record_payment) or a refund, not by an update',
    's1 cannot change the payment of an order (OM090, order_moves_by_role)'
);
SELECT throws_ok(
    $$INSERT INTO public.order_invoices (order_id, vendor_id, invoice_number, invoice_date)
      VALUES ('d0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001',
              'INV-3', '2026-11-25')$$,
    '42501', 'permission denied for table order_invoices',
    's1 cannot issue an invoice directly (place_order numbers them)'
);
RESET ROLE;

-- staff s2 of v2 sees order 2 and 3, v2's lines.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000022", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(pg_temp.seen('SELECT 1 FROM public.orders'), 2::bigint, 's2 sees its two orders');
SELECT is(pg_temp.seen('SELECT 1 FROM public.order_items'), 2::bigint, 's2 sees v2''s lines');
RESET ROLE;

-- admin sees everything but changes no cart; reads the audit log.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000099", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(pg_temp.seen('SELECT 1 FROM public.orders'), 3::bigint, 'the admin sees all orders');
SELECT is(pg_temp.seen('SELECT 1 FROM public.order_items'), 4::bigint, 'the admin sees all lines');
SELECT is(pg_temp.seen('SELECT 1 FROM public.carts'), 0::bigint, 'carts stay private to patients');
SELECT is(pg_temp.seen('SELECT 1 FROM public.vendor_payouts'), 2::bigint, 'the admin sees payouts');
SELECT lives_ok(
    'SELECT count(*) FROM public.audit_logs', 'the admin reads the audit log'
);
SELECT throws_ok(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state)
      VALUES ('orders', 'x', 'INSERT', '{}')$$,
    '42501', 'permission denied for table audit_logs',
    'not even an admin writes the audit log'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a0000000-0000-4000-8000-000000000002',
       '{"line_1": "2 Park Lane", "city": "Hyderabad", "state_code": "36",
         "pincode": "500003"}', '36', 0, 0, 0)$$,
    '42501', 'permission denied for table orders',
    'an admin cannot insert orders through the API either (corrections go via service_role)'
);
RESET ROLE;

-- service_role (the backend) keeps the correction path.
SET LOCAL ROLE service_role;
SELECT lives_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a0000000-0000-4000-8000-000000000002',
       '{"line_1": "2 Park Lane", "city": "Hyderabad", "state_code": "36",
         "pincode": "500003"}', '36', 0, 0, 0)$$,
    'service_role may still insert an order (admin corrections through the backend)'
);
RESET ROLE;

-- anon reaches none of it.
SET LOCAL ROLE anon;
SELECT throws_ok(
    'SELECT 1 FROM public.orders', '42501', 'permission denied for table orders',
    'anon cannot read orders'
);
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
