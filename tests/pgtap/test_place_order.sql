-- Checkout: place_order turns a cart into an order at tax-inclusive prices (MRP includes
-- every tax): the GST is taken out of each line, never added to it, split by place of
-- supply and rounded to the paisa; stock, coupons, slots and bookings; the total the
-- patient was shown (OM070); a GST registration in the supplying state (OM072); documents
-- issued at dispatch, not at checkout; order lines frozen once sold.
-- Every expected amount below is worked out by hand from the rule, in the comment beside
-- it: within a state CGST = SGST (or UTGST) = round(A * r / (2 * (100 + r)), 2), between
-- states IGST = round(A * r / (100 + r), 2), taxable value = A - tax, where A is the line's
-- tax-inclusive amount after its discount and r the GST rate; round() is half away from 0.
BEGIN;
SELECT plan(84);
SET LOCAL timezone = 'UTC';

-- Fixtures -------------------------------------------------------------------------------
-- Patients P1 (Bengaluru), P2 (Chandigarh), P3 (Mumbai), P4 (Bengaluru, lab + home visit +
-- coupon), P5 (Bengaluru, error cases), P6 (Bengaluru, flat coupon and a price rise), P7
-- (Bengaluru, a hospital's medicine and lab test); user 9 owns the vendors: a pharmacy
-- with branches in Bengaluru (29), Chandigarh (04) and Mumbai (27), registered for GST in
-- 29 and 04 only; a lab and a physiotherapy agency (exempt services, unregistered); a
-- hospital in Bengaluru, registered in 29, selling a medicine and a lab test.
INSERT INTO auth.users (id, email)
SELECT
    ('a7b00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@t7b.in' AS email
FROM generate_series(1, 9) AS g (n);
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    ('a7b00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'User ' || g.n AS full_name,
    r.id AS role_id
FROM generate_series(1, 9) AS g (n)
INNER JOIN public.roles AS r
    ON r.name = CASE WHEN g.n = 9 THEN 'VENDOR_ADMIN' ELSE 'PATIENT' END;
INSERT INTO public.cities (id, state_code, name) VALUES
('c7b00000-0000-4000-8000-000000000001', '29', 'Bengaluru T7B'),
('c7b00000-0000-4000-8000-000000000002', '04', 'Chandigarh T7B'),
('c7b00000-0000-4000-8000-000000000003', '27', 'Mumbai T7B');
INSERT INTO public.addresses (id, profile_id, line_1, city_id, pincode)
SELECT
    ('ad7b0000-0000-4000-8000-00000000000' || a.n)::uuid,
    ('a7b00000-0000-4000-8000-00000000000' || a.n)::uuid,
    a.line_1,
    a.city_id::uuid,
    a.pincode
FROM (
    VALUES
    (1, '1 MG Road', 'c7b00000-0000-4000-8000-000000000001', '560001'),
    (2, 'Sector 17', 'c7b00000-0000-4000-8000-000000000002', '160017'),
    (3, 'Marine Drive', 'c7b00000-0000-4000-8000-000000000003', '400020'),
    (4, '2 Brigade Road', 'c7b00000-0000-4000-8000-000000000001', '560025'),
    (5, '3 Residency Road', 'c7b00000-0000-4000-8000-000000000001', '560025'),
    (6, '4 Church Street', 'c7b00000-0000-4000-8000-000000000001', '560001'),
    (7, '5 Lavelle Road', 'c7b00000-0000-4000-8000-000000000001', '560001')
) AS a (n, line_1, city_id, pincode);
INSERT INTO public.vendors (id, name, type, owner_id, is_active)
SELECT
    ('b7b00000-0000-4000-8000-00000000000' || v.n)::uuid,
    v.name,
    v.type::public.vendor_type,
    'a7b00000-0000-4000-8000-000000000009' AS owner_id,
    TRUE AS is_active
FROM (
    VALUES
    (1, 'Pharmacy T7B', 'PHARMACY'),
    (2, 'Lab T7B', 'DIAGNOSTIC_LAB'),
    (3, 'Physio T7B', 'PHYSIO_AGENCY'),
    (4, 'Hospital T7B', 'HOSPITAL')
) AS v (n, name, type);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES
(
    'd7b00000-0000-4000-8000-000000000001', 'b7b00000-0000-4000-8000-000000000001',
    'c7b00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.59 12.97)'
),
(
    'd7b00000-0000-4000-8000-000000000002', 'b7b00000-0000-4000-8000-000000000001',
    'c7b00000-0000-4000-8000-000000000002', 'SRID=4326;POINT(76.78 30.73)'
),
(
    'd7b00000-0000-4000-8000-000000000003', 'b7b00000-0000-4000-8000-000000000002',
    'c7b00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.60 12.98)'
),
(
    'd7b00000-0000-4000-8000-000000000005', 'b7b00000-0000-4000-8000-000000000003',
    'c7b00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.61 12.99)'
),
(
    'd7b00000-0000-4000-8000-000000000006', 'b7b00000-0000-4000-8000-000000000001',
    'c7b00000-0000-4000-8000-000000000003', 'SRID=4326;POINT(72.82 18.94)'
),
(
    'd7b00000-0000-4000-8000-000000000007', 'b7b00000-0000-4000-8000-000000000004',
    'c7b00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.58 12.96)'
);
-- GSTINs with check characters computed by an independent implementation of GSTN's
-- algorithm (docs/decisions/checkout-and-bookings.md), PAN AAACT7777B (C: a company).
INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
('b7b00000-0000-4000-8000-000000000001', '29AAACT7777B1Z3', '2017-07-01'),
('b7b00000-0000-4000-8000-000000000001', '04AAACT7777B1ZF', '2017-07-01'),
('b7b00000-0000-4000-8000-000000000004', '29AAACH1234H1ZV', '2017-07-01');
INSERT INTO public.medicine_master (
    id, name, hsn_code, prescription_required, drug_schedule
) VALUES
('e7b00000-0000-4000-8000-000000000001', 'Paracetamol T7B', '3004', FALSE, 'OTC'),
('e7b00000-0000-4000-8000-000000000002', 'Cetirizine T7B', '3004', FALSE, 'OTC'),
('e7b00000-0000-4000-8000-000000000003', 'Amoxicillin T7B', '3004', TRUE, 'H'),
('e7b00000-0000-4000-8000-000000000004', 'Costly T7B', '3004', FALSE, 'OTC');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e7c00000-0000-4000-8000-000000000001', 'CBC T7B', 'CBC-T7B', 'BLOOD');
INSERT INTO public.services_master (id, name, unit) VALUES
('e7d00000-0000-4000-8000-000000000001', 'Physio visit T7B', 'PER_VISIT');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    '57b00000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
    'e7b00000-0000-4000-8000-000000000001'
),
(
    '57b00000-0000-4000-8000-000000000002', 'MEDICINE', 'medicine_master',
    'e7b00000-0000-4000-8000-000000000002'
),
(
    '57b00000-0000-4000-8000-000000000003', 'MEDICINE', 'medicine_master',
    'e7b00000-0000-4000-8000-000000000003'
),
(
    '57b00000-0000-4000-8000-000000000004', 'LAB_TEST', 'lab_tests',
    'e7c00000-0000-4000-8000-000000000001'
),
(
    '57b00000-0000-4000-8000-000000000005', 'HOME_SERVICE', 'services_master',
    'e7d00000-0000-4000-8000-000000000001'
),
(
    '57b00000-0000-4000-8000-000000000006', 'MEDICINE', 'medicine_master',
    'e7b00000-0000-4000-8000-000000000004'
);
INSERT INTO public.medicine_inventory (medicine_id, vendor_id, branch_id, stock_qty, price, mrp)
SELECT
    ('e7b00000-0000-4000-8000-00000000000' || i.medicine)::uuid,
    ('b7b00000-0000-4000-8000-00000000000' || i.vendor)::uuid,
    ('d7b00000-0000-4000-8000-00000000000' || i.branch)::uuid,
    i.stock,
    i.price,
    i.mrp
FROM (
    VALUES
    -- paracetamol at Bengaluru sells at its MRP; cetirizine below it
    (1, 1, 1, 10, 40.00, 40.00),
    (2, 1, 1, 10, 10.10, 12.00),
    (1, 1, 2, 5, 100.00, 110.00),
    (3, 1, 1, 5, 120.00, 150.00),
    (1, 1, 6, 5, 40.00, 40.00),
    (1, 4, 7, 5, 40.00, 40.00),
    (4, 1, 1, 1000, 99999999.99, 99999999.99)
) AS i (medicine, vendor, branch, stock, price, mrp);
INSERT INTO public.lab_pricing (test_id, vendor_id, branch_id, price, mrp) VALUES
(
    'e7c00000-0000-4000-8000-000000000001', 'b7b00000-0000-4000-8000-000000000002',
    'd7b00000-0000-4000-8000-000000000003', 500, 600
),
(
    'e7c00000-0000-4000-8000-000000000001', 'b7b00000-0000-4000-8000-000000000004',
    'd7b00000-0000-4000-8000-000000000007', 500, 600
);
INSERT INTO public.service_pricing (service_id, vendor_id, base_price) VALUES
('e7d00000-0000-4000-8000-000000000001', 'b7b00000-0000-4000-8000-000000000003', 700);
INSERT INTO public.availability_slots (
    id, service_catalog_id, vendor_id, branch_id, start_time, end_time, capacity
) VALUES
(
    '5a7b0000-0000-4000-8000-000000000001', '57b00000-0000-4000-8000-000000000004',
    'b7b00000-0000-4000-8000-000000000002', 'd7b00000-0000-4000-8000-000000000003',
    now() + interval '1 day', now() + interval '1 day 15 minutes', 1
),
(
    '5a7b0000-0000-4000-8000-000000000002', '57b00000-0000-4000-8000-000000000005',
    'b7b00000-0000-4000-8000-000000000003', NULL,
    now() + interval '1 day', now() + interval '1 day 1 hour', 3
),
(
    '5a7b0000-0000-4000-8000-000000000003', '57b00000-0000-4000-8000-000000000004',
    'b7b00000-0000-4000-8000-000000000004', 'd7b00000-0000-4000-8000-000000000007',
    now() + interval '1 day', now() + interval '1 day 15 minutes', 2
);
INSERT INTO public.coupons (code, discount_type, value, max_uses, valid_from, valid_to, is_active)
VALUES
('ONCE1', 'PERCENT', 10, 1, now() - interval '1 day', now() + interval '30 days', TRUE),
('OLD10', 'FLAT', 50, NULL, '2025-01-01 00:00+00', '2025-02-01 00:00+00', TRUE),
('OFF10', 'FLAT', 50, NULL, now() - interval '1 day', now() + interval '30 days', FALSE),
('FLAT4', 'FLAT', 4, NULL, now() - interval '1 day', now() + interval '30 days', TRUE);
INSERT INTO public.carts (id, profile_id)
SELECT
    ('0c7b0000-0000-4000-8000-00000000000' || n)::uuid,
    ('a7b00000-0000-4000-8000-00000000000' || n)::uuid
FROM generate_series(1, 7) AS n;
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id, slot_id)
SELECT
    ('0c7b0000-0000-4000-8000-00000000000' || c.cart)::uuid,
    ('57b00000-0000-4000-8000-00000000000' || c.item)::uuid,
    c.qty,
    ('b7b00000-0000-4000-8000-00000000000' || c.vendor)::uuid,
    ('d7b00000-0000-4000-8000-00000000000' || c.branch)::uuid,
    ('5a7b0000-0000-4000-8000-00000000000' || c.slot)::uuid
FROM (
    VALUES
    -- P1: Karnataka to Karnataka, one line at its MRP and one below it
    (1, 1, 1, 1, 1, NULL::integer),
    (1, 2, 1, 1, 1, NULL),
    -- P2: the Chandigarh branch to a Chandigarh address
    (2, 1, 1, 1, 2, NULL),
    -- P3: the Bengaluru branch to a Mumbai address
    (3, 2, 3, 1, 1, NULL),
    -- P4: a lab test in a slot and a home visit
    (4, 4, 1, 2, 3, 1),
    (4, 5, 1, 3, NULL, NULL),
    -- P5: more of a prescription medicine than in stock, and one paracetamol
    (5, 3, 6, 1, 1, NULL),
    (5, 1, 1, 1, 1, NULL),
    -- P6: one cetirizine with the flat coupon
    (6, 2, 1, 1, 1, NULL),
    -- P7: the hospital's paracetamol and its lab test
    (7, 1, 1, 4, 7, NULL),
    (7, 4, 1, 4, 7, 3)
) AS c (cart, item, qty, vendor, branch, slot);

-- GST inside a tax-inclusive amount (line_tax_inclusive) ---------------------------------
SELECT is(
    (
        SELECT ARRAY[t.gst_rate, t.taxable_value, t.cgst, t.sgst, t.utgst, t.igst]
        FROM private.line_tax_inclusive(40.00, '3004', '2026-12-01', '29', '29') AS t
    )::numeric[],
    -- 40 * 5 / 210 = 0.952..., so 0.95 each; 40.00 - 1.90 = 38.10
    ARRAY[5, 38.10, 0.95, 0.95, 0, 0]::numeric[],
    'a 40.00 pack at 5% within Karnataka holds 38.10 + CGST 0.95 + SGST 0.95 = 40.00'
);
SELECT is(
    (
        SELECT ARRAY[t.gst_rate, t.taxable_value, t.cgst, t.sgst, t.utgst, t.igst]
        FROM private.line_tax_inclusive(40.00, '3004', '2026-12-01', '29', '27') AS t
    )::numeric[],
    -- 40 * 5 / 105 = 1.904..., so 1.90; 40.00 - 1.90 = 38.10
    ARRAY[5, 38.10, 0, 0, 0, 1.90]::numeric[],
    'the same pack from Karnataka to Maharashtra holds IGST 1.90'
);
SELECT is(
    (
        SELECT ARRAY[t.gst_rate, t.taxable_value, t.cgst, t.sgst, t.utgst, t.igst]
        FROM private.line_tax_inclusive(40.00, '3004', '2026-12-01', '04', '04') AS t
    )::numeric[],
    ARRAY[5, 38.10, 0.95, 0, 0.95, 0]::numeric[],
    'within Chandigarh (a union territory without legislature): CGST + UTGST, no SGST'
);
SELECT is(
    (
        SELECT ARRAY[t.gst_rate, t.taxable_value, t.cgst, t.sgst]
        FROM private.line_tax_inclusive(
            112.00, '3004', private.date_in_india('2025-09-21 18:29:59+00'), '29', '29'
        ) AS t
    )::numeric[],
    -- 23:59:59 IST on 21 September 2025, still 12%: 112 * 12 / 224 = 6.00 each
    ARRAY[12, 100.00, 6.00, 6.00]::numeric[],
    'one second before midnight IST on 21 Sep 2025: 12%, 112.00 = 100.00 + 6.00 + 6.00'
);
SELECT is(
    (
        SELECT ARRAY[t.gst_rate, t.taxable_value, t.cgst, t.sgst]
        FROM private.line_tax_inclusive(
            105.00, '3004', private.date_in_india('2025-09-21 18:30:00+00'), '29', '29'
        ) AS t
    )::numeric[],
    -- 00:00 IST on 22 September 2025, 5%: 105 * 5 / 210 = 2.50 each
    ARRAY[5, 100.00, 2.50, 2.50]::numeric[],
    'midnight IST on 22 Sep 2025: 5%, 105.00 = 100.00 + 2.50 + 2.50'
);
SELECT is(
    (
        SELECT ARRAY[t.gst_rate, t.taxable_value, t.cgst, t.sgst, t.utgst, t.igst]
        FROM private.line_tax_inclusive(500, '9993', '2026-12-01', '29', '27') AS t
    )::numeric[],
    ARRAY[0, 500, 0, 0, 0, 0]::numeric[],
    'SAC 9993 health care services are exempt wherever supplied'
);
SELECT throws_ok(
    $$SELECT private.line_tax_inclusive(100, '3004', '2026-12-01', '29', '99')$$,
    '22023',
    'unknown GST state code 29 or 99',
    'an unknown state code is refused'
);
SELECT throws_ok(
    $$SELECT private.line_tax_inclusive(-1, '3004', '2026-12-01', '29', '29')$$,
    '23514',
    'value for domain public.inr violates check constraint "inr_not_negative"',
    'a negative amount is refused by the money domain'
);
SELECT throws_ok(
    $$SELECT private.line_tax_inclusive('NaN', '3004', '2026-12-01', '29', '29')$$,
    '23514',
    'value for domain public.inr violates check constraint "inr_is_finite"',
    'NaN is refused by the money domain'
);
SELECT throws_ok(
    $$SELECT private.line_tax_inclusive(100, '3004', '2017-06-30', '29', '29')$$,
    'P0002',
    'no GST slab in force for code 3004 on 2017-06-30',
    'no slab before GST: tax_slab_for''s P0002 passes through'
);

-- Privileges ---------------------------------------------------------------------------
SELECT ok(
    has_function_privilege(
        'authenticated', 'public.place_order(uuid, uuid, numeric, text)', 'execute'
    )
    AND has_function_privilege('authenticated', 'public.quote_cart(uuid, uuid, text)', 'execute')
    AND NOT has_function_privilege(
        'anon', 'public.place_order(uuid, uuid, numeric, text)', 'execute'
    )
    AND NOT has_function_privilege('anon', 'public.quote_cart(uuid, uuid, text)', 'execute'),
    'authenticated (not anon) may quote and place orders'
);
SELECT is_empty(
    $$SELECT p.oid::regprocedure FROM pg_catalog.pg_proc AS p
      CROSS JOIN unnest(ARRAY['anon', 'authenticated', 'service_role']) AS r (role)
      WHERE p.pronamespace = 'public'::regnamespace
        AND p.proname LIKE 'checkout\_%'
        AND has_function_privilege(r.role, p.oid, 'EXECUTE')$$,
    'the pieces of checkout (checkout_*) are executed by no API role'
);
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000001',
                                'ad7b0000-0000-4000-8000-000000000001')$$,
    'OM078',
    'place_order needs the total the patient was shown for cart '
    || '0c7b0000-0000-4000-8000-000000000001',
    'the 1.0.0 call without the patient''s total says what to send instead, and charges nothing'
);
RESET ROLE;

-- P1: at and below MRP within Karnataka --------------------------------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT is(
    (
        SELECT ARRAY[q.gross_amount, q.discount_amount, q.tax_amount, q.net_amount]
        FROM public.quote_cart(
            '0c7b0000-0000-4000-8000-000000000001', 'ad7b0000-0000-4000-8000-000000000001'
        ) AS q
    )::numeric[],
    -- 40.00 + 10.10 = 50.10; tax inside: 0.95 + 0.95 + 0.24 + 0.24 = 2.38
    ARRAY[50.10, 0, 2.38, 50.10]::numeric[],
    'the quote: P1 pays 50.10, the sum of the prices, with 2.38 of GST inside'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000001',
                                'ad7b0000-0000-4000-8000-000000000001', 52.48)$$,
    'OM070',
    'the order total is now 50.10 rupees, not the 52.48 you were shown',
    'a total with GST added on top (52.48) is refused: MRP already includes it'
);
SELECT
    is(
        set_config('t7b.order_1', o.id::text, TRUE) IS NOT NULL
        AND o.status = 'PENDING' AND o.payment_status = 'AWAITING',
        TRUE,
        'P1 places the order at the quoted total: PENDING, AWAITING payment'
    )
FROM public.place_order(
    '0c7b0000-0000-4000-8000-000000000001', 'ad7b0000-0000-4000-8000-000000000001', 50.10
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[gross_amount, discount_amount, tax_amount, net_amount]
        FROM public.orders WHERE id = current_setting('t7b.order_1')::uuid
    )::numeric[],
    ARRAY[50.10, 0, 2.38, 50.10]::numeric[],
    'order 1 money: the patient pays 50.10, never more than the MRPs'
);
SELECT is(
    (SELECT tax_basis FROM public.orders WHERE id = current_setting('t7b.order_1')::uuid),
    'INCLUSIVE'::public.tax_basis,
    'the order says its prices include the tax'
);
SELECT is(
    (
        SELECT ARRAY[unit_price, taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items
        WHERE
            order_id = current_setting('t7b.order_1')::uuid
            AND service_catalog_id = '57b00000-0000-4000-8000-000000000001'
    )::numeric[],
    ARRAY[40.00, 38.10, 5, 0.95, 0.95, 0, 0]::numeric[],
    'paracetamol at its MRP of 40.00: 38.10 taxable + 0.95 CGST + 0.95 SGST'
);
SELECT is(
    (
        SELECT ARRAY[unit_price, taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items
        WHERE
            order_id = current_setting('t7b.order_1')::uuid
            AND service_catalog_id = '57b00000-0000-4000-8000-000000000002'
    )::numeric[],
    -- 10.10 * 5 / 210 = 0.2404..., so 0.24 each; 10.10 - 0.48 = 9.62
    ARRAY[10.10, 9.62, 5, 0.24, 0.24, 0, 0]::numeric[],
    'cetirizine at 10.10: 9.62 taxable + 0.24 CGST + 0.24 SGST'
);
SELECT is(
    (
        SELECT
            service_snapshot
            - '{catalog_id,inventory_id,medicine_id,vendor_id,branch_id}'::text[] AS snapshot
        FROM public.order_items
        WHERE
            order_id = current_setting('t7b.order_1')::uuid
            AND service_catalog_id = '57b00000-0000-4000-8000-000000000001'
    ),
    '{"name": "Paracetamol T7B", "service_type": "MEDICINE", "version": 1,
      "vendor_name": "Pharmacy T7B", "price": 40.00, "mrp": 40.00, "hsn_code": "3004",
      "gst_rate": 5.00, "generic_name": null, "manufacturer": null, "dosage_form": null,
      "strength": null, "pack_size": null, "prescription_required": false,
      "drug_schedule": "OTC", "supplier_state_code": "29", "place_of_supply": "29",
      "price_includes_tax": true}'::jsonb,
    'the snapshot holds name, type, version, vendor, price, MRP, HSN, rate, places and basis'
);
SELECT is(
    (
        SELECT array_agg(supplier_state_code || '/' || tax_basis ORDER BY unit_price)
        FROM public.order_items WHERE order_id = current_setting('t7b.order_1')::uuid
    ),
    ARRAY['29/INCLUSIVE', '29/INCLUSIVE'],
    'each line records the state it is supplied from and its tax basis'
);
SELECT is(
    (
        SELECT array_agg(stock_qty ORDER BY price)
        FROM public.medicine_inventory
        WHERE branch_id = 'd7b00000-0000-4000-8000-000000000001' AND price < 1000
    ),
    ARRAY[9, 9, 5],
    'stock went down by the quantities sold (cetirizine 10 - 1, paracetamol 10 - 1)'
);
SELECT is(
    (
        SELECT count(*)
        FROM public.order_invoices
        WHERE order_id = current_setting('t7b.order_1')::uuid
    ),
    0::bigint,
    'no tax document at checkout: an unpaid, undelivered order is not yet a supply'
);
SELECT is(
    (
        SELECT ARRAY[status::text, (checked_out_at = now())::text]
        FROM public.carts WHERE id = '0c7b0000-0000-4000-8000-000000000001'
    ),
    ARRAY['CHECKED_OUT', 'true'],
    'the cart is checked out'
);
SELECT is(
    (
        SELECT count(*) FROM public.service_bookings AS b
        INNER JOIN public.order_items AS i ON b.order_item_id = i.id
        WHERE i.order_id = current_setting('t7b.order_1')::uuid
    ),
    0::bigint,
    'medicines get no service bookings'
);

-- A new medicine version: the old order keeps version 1 and its name --------------------
SELECT isnt(
    set_config(
        't7b.paracetamol_v2',
        (
            public.publish_medicine_version(
                'e7b00000-0000-4000-8000-000000000001', '{"name": "Paracetamol T7B 650"}'
            )
        ).id::text,
        TRUE
    ),
    NULL,
    'a new version of paracetamol is published'
);
SELECT is(
    (
        SELECT
            ARRAY[
                service_snapshot ->> 'version', service_snapshot ->> 'name',
                service_snapshot ->> 'medicine_id', service_catalog_id::text
            ]
        FROM public.order_items
        WHERE
            order_id = current_setting('t7b.order_1')::uuid
            AND service_catalog_id = '57b00000-0000-4000-8000-000000000001'
    ),
    ARRAY[
        '1', 'Paracetamol T7B', 'e7b00000-0000-4000-8000-000000000001',
        '57b00000-0000-4000-8000-000000000001'
    ],
    'the old order still says version 1 and the old name'
);

-- P2: within Chandigarh (UTGST), sold as version 2 ---------------------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000002", "role": "authenticated"}',
    TRUE
);
SELECT
    isnt(
        set_config('t7b.order_2', o.id::text, TRUE), NULL, 'P2 places a Chandigarh order'
    )
FROM public.place_order(
    '0c7b0000-0000-4000-8000-000000000002', 'ad7b0000-0000-4000-8000-000000000002', 100.00
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid
    )::numeric[],
    -- 100 * 5 / 210 = 2.380..., so 2.38 each; 100.00 - 4.76 = 95.24
    ARRAY[95.24, 5, 2.38, 0, 2.38, 0]::numeric[],
    'union territory without legislature: 100.00 = 95.24 + CGST 2.38 + UTGST 2.38'
);
SELECT is(
    (
        SELECT ARRAY[service_snapshot ->> 'version', service_snapshot ->> 'name']
        FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid
    ),
    ARRAY['2', 'Paracetamol T7B 650'],
    'a new order sells the new version under its new name'
);

-- P3: from Karnataka to Maharashtra (IGST) ------------------------------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000003", "role": "authenticated"}',
    TRUE
);
SELECT
    isnt(
        set_config('t7b.order_3', o.id::text, TRUE), NULL, 'P3 places an inter-state order'
    )
FROM public.place_order(
    '0c7b0000-0000-4000-8000-000000000003', 'ad7b0000-0000-4000-8000-000000000003', 30.30
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[unit_price, qty, taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items WHERE order_id = current_setting('t7b.order_3')::uuid
    )::numeric[],
    -- 3 x 10.10 = 30.30; 30.30 * 5 / 105 = 1.4428..., so 1.44; 30.30 - 1.44 = 28.86
    ARRAY[10.10, 3, 28.86, 5, 0, 0, 0, 1.44]::numeric[],
    'inter-state: 3 x 10.10 = 30.30 = 28.86 + IGST 1.44'
);
SELECT is(
    (
        SELECT ARRAY[o.gross_amount, o.tax_amount, o.net_amount]
        FROM public.orders AS o WHERE o.id = current_setting('t7b.order_3')::uuid
    )::numeric[],
    ARRAY[30.30, 1.44, 30.30]::numeric[],
    'order 3 totals: the patient pays the price, the IGST is inside it'
);

-- P4: a lab test in a slot, a home visit, and the coupon ONCE1 --------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000004", "role": "authenticated"}',
    TRUE
);
SELECT
    isnt(
        set_config('t7b.order_4', o.id::text, TRUE), NULL, 'P4 places an order with a coupon'
    )
FROM public.place_order(
    '0c7b0000-0000-4000-8000-000000000004', 'ad7b0000-0000-4000-8000-000000000004', 1080,
    ' once1 '
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[gross_amount, discount_amount, tax_amount, net_amount]
        FROM public.orders WHERE id = current_setting('t7b.order_4')::uuid
    )::numeric[],
    -- 500 + 700 = 1200; 10% = 120; exempt, so no tax
    ARRAY[1200, 120, 0, 1080]::numeric[],
    'coupon: 10% of 1200; health care services exempt'
);
SELECT is(
    (
        SELECT array_agg(discount_amount::text || '/' || taxable_value::text ORDER BY unit_price)
        FROM public.order_items WHERE order_id = current_setting('t7b.order_4')::uuid
    ),
    -- 120 * 500 / 1200 = 50 and 120 * 700 / 1200 = 70
    ARRAY['50.00/450.00', '70.00/630.00'],
    'the discount is shared over the lines in proportion to their value'
);
SELECT is(
    (
        SELECT count(*) FROM public.coupon_redemptions AS r
        INNER JOIN public.coupons AS c ON r.coupon_id = c.id
        WHERE c.code = 'ONCE1' AND r.order_id = current_setting('t7b.order_4')::uuid
    ),
    1::bigint,
    'the coupon''s redemption is recorded'
);
SELECT is(
    (
        SELECT
            array_agg(
                i.service_snapshot ->> 'service_type' || ':' || b.fulfillment_status::text
                || ':' || coalesce(b.slot_id::text, '-')
                ORDER BY i.unit_price
            )
        FROM public.service_bookings AS b
        INNER JOIN public.order_items AS i ON b.order_item_id = i.id
        WHERE i.order_id = current_setting('t7b.order_4')::uuid
    ),
    ARRAY[
        'LAB_TEST:SCHEDULED:5a7b0000-0000-4000-8000-000000000001',
        'HOME_SERVICE:PENDING:-'
    ],
    'bookings: the test SCHEDULED in its slot, the home visit PENDING without one'
);
SELECT is(
    (
        SELECT ARRAY[booked_count, version] FROM public.availability_slots
        WHERE id = '5a7b0000-0000-4000-8000-000000000001'
    ),
    ARRAY[1, 1],
    'the slot seat was taken (version + 1)'
);
SELECT is(
    (
        SELECT
            b.patient_id = 'a7b00000-0000-4000-8000-000000000004'
            AND b.family_member_id IS NULL
        FROM public.service_bookings AS b
        INNER JOIN public.order_items AS i ON b.order_item_id = i.id
        WHERE i.order_id = current_setting('t7b.order_4')::uuid
        ORDER BY b.id
        LIMIT 1
    ),
    TRUE,
    'bookings are for the ordering patient'
);

-- P6: a flat coupon before tax, and a price raised after the quote ------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000006", "role": "authenticated"}',
    TRUE
);
SELECT is(
    (
        SELECT q.net_amount
        FROM public.quote_cart(
            '0c7b0000-0000-4000-8000-000000000006', 'ad7b0000-0000-4000-8000-000000000006',
            'FLAT4'
        ) AS q
    ),
    -- 10.10 - 4.00
    6.10,
    'P6 is quoted 6.10 for one cetirizine less a flat 4.00'
);
RESET ROLE;
UPDATE public.medicine_inventory SET price = 11.00
WHERE
    medicine_id = 'e7b00000-0000-4000-8000-000000000002'
    AND branch_id = 'd7b00000-0000-4000-8000-000000000001';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000006',
                                'ad7b0000-0000-4000-8000-000000000006', 6.10, 'FLAT4')$$,
    'OM070',
    'the order total is now 7.00 rupees, not the 6.10 you were shown',
    'a price raised after the quote is refused with the new total, not charged'
);
SELECT
    isnt(
        set_config('t7b.order_6', o.id::text, TRUE), NULL,
        'P6 agrees to the new total and places the order'
    )
FROM public.place_order(
    '0c7b0000-0000-4000-8000-000000000006', 'ad7b0000-0000-4000-8000-000000000006', 7.00,
    'FLAT4'
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT
            ARRAY[
                o.gross_amount, o.discount_amount, o.tax_amount, o.net_amount, i.unit_price,
                i.discount_amount, i.taxable_value, i.cgst, i.sgst
            ]
        FROM public.orders AS o
        INNER JOIN public.order_items AS i ON o.id = i.order_id
        WHERE o.id = current_setting('t7b.order_6')::uuid
    )::numeric[],
    -- A = 11.00 - 4.00 = 7.00; 7 * 5 / 210 = 0.1666..., so 0.17 each; 7.00 - 0.34 = 6.66
    ARRAY[11.00, 4.00, 0.34, 7.00, 11.00, 4.00, 6.66, 0.17, 0.17]::numeric[],
    'the coupon comes off the inclusive price first: 7.00 = 6.66 + 0.17 + 0.17'
);

-- P7: a hospital's medicine and lab test (taxable and exempt in one order) ----------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000007", "role": "authenticated"}',
    TRUE
);
SELECT
    isnt(
        set_config('t7b.order_7', o.id::text, TRUE), NULL, 'P7 places a mixed order'
    )
FROM public.place_order(
    '0c7b0000-0000-4000-8000-000000000007', 'ad7b0000-0000-4000-8000-000000000007', 540.00
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[gross_amount, tax_amount, net_amount]
        FROM public.orders WHERE id = current_setting('t7b.order_7')::uuid
    )::numeric[],
    -- 40.00 (0.95 + 0.95 inside) + 500.00 exempt
    ARRAY[540.00, 1.90, 540.00]::numeric[],
    'order 7: 540.00, of which 1.90 is the medicine''s GST'
);

-- Tax documents at dispatch ---------------------------------------------------------------
-- Financial year of today in India as the document numbers print it, e.g. 2627.
SELECT set_config(
    't7b.fy',
    to_char((now() AT TIME ZONE 'Asia/Kolkata')::date - interval '3 months', 'YY')
    || to_char((now() AT TIME ZONE 'Asia/Kolkata')::date + interval '9 months', 'YY'),
    TRUE
);
UPDATE public.orders SET status = 'CONFIRMED'
WHERE id IN (
    current_setting('t7b.order_1')::uuid, current_setting('t7b.order_2')::uuid,
    current_setting('t7b.order_3')::uuid, current_setting('t7b.order_4')::uuid,
    current_setting('t7b.order_7')::uuid
);
UPDATE public.orders SET status = 'PROCESSING'
WHERE id IN (
    current_setting('t7b.order_1')::uuid, current_setting('t7b.order_2')::uuid,
    current_setting('t7b.order_3')::uuid, current_setting('t7b.order_4')::uuid,
    current_setting('t7b.order_7')::uuid
);
SELECT is(
    (
        SELECT count(*)
        FROM public.order_invoices
        WHERE order_id = current_setting('t7b.order_1')::uuid
    ),
    0::bigint,
    'still no document while the order is prepared'
);
UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
WHERE id = current_setting('t7b.order_1')::uuid;
UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
WHERE id = current_setting('t7b.order_3')::uuid;
UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
WHERE id = current_setting('t7b.order_2')::uuid;
UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
WHERE id = current_setting('t7b.order_4')::uuid;
UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
WHERE id = current_setting('t7b.order_7')::uuid;
SELECT is(
    (
        SELECT
            ARRAY[
                document_kind::text, invoice_number, invoice_date::text, supplier_state_code, gstin
            ]
        FROM public.order_invoices WHERE order_id = current_setting('t7b.order_1')::uuid
    ),
    ARRAY[
        'TAX_INVOICE', 'TI/' || current_setting('t7b.fy') || '/000001',
        ((now() AT TIME ZONE 'Asia/Kolkata')::date)::text, '29', '29AAACT7777B1Z3'
    ],
    'dispatch issues the tax invoice: TI/<financial year>/000001 under the Karnataka GSTIN'
);
SELECT is(
    (
        SELECT count(*) FROM public.order_items AS i
        INNER JOIN public.order_invoices AS d ON i.invoice_id = d.id
        WHERE i.order_id = current_setting('t7b.order_1')::uuid AND d.order_id = i.order_id
    ),
    2::bigint,
    'both lines of order 1 are on that invoice'
);
SELECT is(
    (
        SELECT invoice_number FROM public.order_invoices
        WHERE order_id = current_setting('t7b.order_3')::uuid
    ),
    'TI/' || current_setting('t7b.fy') || '/000002',
    'the next invoice of the Karnataka registration is 000002 (the order to Mumbai)'
);
SELECT is(
    (
        SELECT ARRAY[invoice_number, supplier_state_code, gstin]
        FROM public.order_invoices WHERE order_id = current_setting('t7b.order_2')::uuid
    ),
    ARRAY['TI/' || current_setting('t7b.fy') || '/000001', '04', '04AAACT7777B1ZF'],
    'the Chandigarh registration numbers its own series from 000001'
);
SELECT is(
    (
        SELECT
            array_agg(
                v.name || ':' || d.document_kind::text || ':' || d.invoice_number || ':'
                || coalesce(d.gstin, '-')
                ORDER BY v.name
            )
        FROM public.order_invoices AS d
        INNER JOIN public.vendors AS v ON d.vendor_id = v.id
        WHERE d.order_id = current_setting('t7b.order_4')::uuid
    ),
    ARRAY[
        'Lab T7B:BILL_OF_SUPPLY:BS/' || current_setting('t7b.fy') || '/000001:-',
        'Physio T7B:BILL_OF_SUPPLY:BS/' || current_setting('t7b.fy') || '/000001:-'
    ],
    'exempt services get bills of supply, each unregistered vendor in its own series'
);
SELECT is(
    (
        SELECT
            array_agg(
                d.document_kind::text || ':' || d.invoice_number || ':' || i.hsn_code
                ORDER BY d.document_kind
            )
        FROM public.order_invoices AS d
        INNER JOIN public.order_items AS i ON d.id = i.invoice_id
        WHERE d.order_id = current_setting('t7b.order_7')::uuid
    ),
    ARRAY[
        'TAX_INVOICE:TI/' || current_setting('t7b.fy') || '/000001:3004',
        'BILL_OF_SUPPLY:BS/' || current_setting('t7b.fy') || '/000001:9993'
    ],
    'an order mixing taxable and exempt supplies of one vendor gets both documents'
);

-- Errors (P5) ---------------------------------------------------------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000005", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    -- 6 x 120.00 + 40.00 = 760.00, so the total is right and the stock is short
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 760.00)$$,
    'OM010',
    'Amoxicillin T7B is out of stock at Pharmacy T7B: 6 requested, 5 available',
    'an out-of-stock line fails the order with OM010, naming the item'
);
RESET ROLE;
SELECT is(
    (
        SELECT array_agg(stock_qty ORDER BY price)
        FROM public.medicine_inventory
        WHERE branch_id = 'd7b00000-0000-4000-8000-000000000001' AND price < 1000
    ),
    ARRAY[5, 9, 5],
    'nothing of the failed order stayed: cetirizine 10 - 1 - 3 - 1 = 5, paracetamol 9, '
    || 'amoxicillin 5'
);
SELECT is(
    (SELECT status FROM public.carts WHERE id = '0c7b0000-0000-4000-8000-000000000005'),
    'OPEN'::public.cart_status,
    'the failed order left the cart open'
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0, 'NOPE1')$$,
    'OM015',
    'coupon NOPE1 is not valid',
    'an unknown coupon is refused with OM015'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0, 'OFF10')$$,
    'OM015',
    'coupon OFF10 is not valid',
    'a withdrawn coupon is refused with OM015'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0, 'OLD10')$$,
    'OM016',
    'coupon OLD10 is valid from 2025-01-01 00:00:00+00 until 2025-02-01 00:00:00+00 only',
    'an expired coupon is refused with OM016'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0, 'ONCE1')$$,
    'OM017',
    'coupon ONCE1 has been used up (1 of 1 uses)',
    'a used-up coupon is refused with OM017'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000001', 0)$$,
    'OM014',
    'address ad7b0000-0000-4000-8000-000000000001 not found',
    'another patient''s address is refused with OM014'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000004',
                                'ad7b0000-0000-4000-8000-000000000005', 0)$$,
    'OM007',
    'cart 0c7b0000-0000-4000-8000-000000000004 not found',
    'another patient''s cart is refused with OM007'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005',
                                'NaN'::numeric)$$,
    '23514',
    'value for domain public.inr violates check constraint "inr_is_finite"',
    'a NaN total is refused by the money domain'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005',
                                NULL::numeric)$$,
    'OM070',
    'the order total is now 760.00 rupees, not the nothing you were shown',
    'no total at all is refused with the total, never charged'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000001',
                                'ad7b0000-0000-4000-8000-000000000001', 50.10)$$,
    'OM008',
    'cart 0c7b0000-0000-4000-8000-000000000001 is CHECKED_OUT, not OPEN',
    'a checked-out cart cannot be ordered again (OM008)'
);
SELECT set_config('request.jwt.claims', '', TRUE);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 760.00)$$,
    '42501',
    'sign in to place an order',
    'place_order needs a signed-in user'
);
RESET ROLE;

-- Cart lines that cannot be sold.
DELETE FROM public.cart_items WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id) VALUES
(
    '0c7b0000-0000-4000-8000-000000000005', '57b00000-0000-4000-8000-000000000001', 1,
    'b7b00000-0000-4000-8000-000000000001', 'd7b00000-0000-4000-8000-000000000006'
);
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000005", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 40.00)$$,
    'OM072',
    'vendor Pharmacy T7B has no GST registration in state 27 to sell Paracetamol T7B 650 from',
    'a taxable sale from a state where the vendor is not registered is refused (OM072)'
);
RESET ROLE;
INSERT INTO public.gst_registrations (vendor_id, gstin, registration_type, valid_from) VALUES
('b7b00000-0000-4000-8000-000000000001', '27AAACT7777B1Z7', 'COMPOSITION', '2017-07-01');
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 40.00)$$,
    'OM073',
    'vendor Pharmacy T7B is a composition taxpayer in state 27 and cannot issue the tax '
    || 'invoice Paracetamol T7B 650 needs',
    'a composition registration cannot issue the tax invoice (OM073)'
);
RESET ROLE;
UPDATE public.cart_items
SET
    branch_id = 'd7b00000-0000-4000-8000-000000000001',
    service_catalog_id = '57b00000-0000-4000-8000-000000000006', qty = 101
WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0)$$,
    'OM071',
    -- 101 x 99,999,999.99
    'the order would come to 10099999998.99 rupees, more than one order can hold',
    'a cart worth more than an order can hold is refused by name, not by an overflow'
);
RESET ROLE;
DELETE FROM public.cart_items WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty) VALUES
('0c7b0000-0000-4000-8000-000000000005', '57b00000-0000-4000-8000-000000000002', 1);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0)$$,
    'OM011',
    'cart line 57b00000-0000-4000-8000-000000000002 names no vendor to buy from',
    'a line without a vendor is refused with OM011'
);
RESET ROLE;
UPDATE public.cart_items
SET vendor_id = 'b7b00000-0000-4000-8000-000000000001'
WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0)$$,
    'OM011',
    'cart line 57b00000-0000-4000-8000-000000000002 names no branch to buy from',
    'a medicine line without a branch is refused with OM011'
);
RESET ROLE;
UPDATE public.cart_items
SET branch_id = 'd7b00000-0000-4000-8000-000000000002'
WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0)$$,
    'OM012',
    'vendor Pharmacy T7B does not currently offer cart item '
    || '57b00000-0000-4000-8000-000000000002 (MEDICINE)',
    'an item the branch does not stock is refused with OM012'
);
RESET ROLE;
UPDATE public.cart_items
SET branch_id = 'd7b00000-0000-4000-8000-000000000001'
WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
UPDATE public.service_catalog SET is_active = FALSE
WHERE id = '57b00000-0000-4000-8000-000000000002';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0)$$,
    'OM012',
    'vendor Pharmacy T7B does not currently offer cart item '
    || '57b00000-0000-4000-8000-000000000002 (MEDICINE)',
    'an item withdrawn from the catalog is refused with OM012'
);
RESET ROLE;
UPDATE public.service_catalog SET is_active = TRUE
WHERE id = '57b00000-0000-4000-8000-000000000002';
DELETE FROM public.cart_items WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id) VALUES
(
    '0c7b0000-0000-4000-8000-000000000005', '57b00000-0000-4000-8000-000000000004', 1,
    'b7b00000-0000-4000-8000-000000000002', 'd7b00000-0000-4000-8000-000000000003'
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 500)$$,
    'OM013',
    'CBC T7B needs a slot',
    'a lab test without a slot is refused with OM013'
);
RESET ROLE;
UPDATE public.cart_items SET slot_id = '5a7b0000-0000-4000-8000-000000000002'
WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 500)$$,
    'OM013',
    'slot 5a7b0000-0000-4000-8000-000000000002 is not a slot of CBC T7B at vendor Lab T7B',
    'a slot of another item is refused with OM013'
);
RESET ROLE;
UPDATE public.cart_items SET slot_id = '5a7b0000-0000-4000-8000-000000000001'
WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 500)$$,
    'OM002',
    'slot 5a7b0000-0000-4000-8000-000000000001 is full (1 of 1 seats booked, 1 requested)',
    'a full slot fails the order with OM002'
);
RESET ROLE;
UPDATE public.availability_slots SET start_time = now() - interval '1 hour'
WHERE id = '5a7b0000-0000-4000-8000-000000000001';
UPDATE public.availability_slots SET capacity = 5
WHERE id = '5a7b0000-0000-4000-8000-000000000001';
SET LOCAL ROLE authenticated;
SELECT throws_like(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 500)$$,
    'slot 5a7b0000-0000-4000-8000-000000000001 started at % and can no longer be booked',
    'a slot that has started fails the order (OM004)'
);
RESET ROLE;
DELETE FROM public.cart_items WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 0)$$,
    'OM009',
    'cart 0c7b0000-0000-4000-8000-000000000005 is empty',
    'an empty cart is refused with OM009'
);
RESET ROLE;

-- Frozen order lines --------------------------------------------------------------------
SELECT throws_ok(
    format(
        $$UPDATE public.order_items SET unit_price = 1, taxable_value = 3 WHERE id = %L$$,
        (
            SELECT id FROM public.order_items
            WHERE
                order_id = current_setting('t7b.order_1')::uuid
                AND service_catalog_id = '57b00000-0000-4000-8000-000000000001'
        )
    ),
    'OM024',
    format(
        'order item %s is frozen as sold; cannot change taxable_value, unit_price',
        (
            SELECT id FROM public.order_items
            WHERE
                order_id = current_setting('t7b.order_1')::uuid
                AND service_catalog_id = '57b00000-0000-4000-8000-000000000001'
        )
    ),
    'a sold line''s price cannot change, even for the table owner (OM024)'
);
SELECT throws_ok(
    format(
        $$UPDATE public.order_items SET tax_basis = 'EXCLUSIVE', supplier_state_code = '27'
          WHERE id = %L$$,
        (SELECT id FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid)
    ),
    'OM024',
    format(
        'order item %s is frozen as sold; cannot change supplier_state_code, tax_basis',
        (SELECT id FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid)
    ),
    'a sold line''s tax basis and supplying state cannot change (OM024)'
);
SELECT throws_ok(
    format(
        $$UPDATE public.order_items SET invoice_id = NULL WHERE id = %L$$,
        (SELECT id FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid)
    ),
    'OM024',
    format(
        'order item %s is frozen as sold; cannot change invoice_id',
        (SELECT id FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid)
    ),
    'a line''s tax document, once issued, cannot change (OM024)'
);
SELECT lives_ok(
    $$UPDATE public.order_items SET updated_at = now()
      WHERE order_id = current_setting('t7b.order_2')::uuid$$,
    'an update that changes nothing sold passes'
);
SELECT ok(
    obj_description('public.place_order(uuid, uuid, numeric, text)'::regprocedure)
    ~ (
        'OM007.*OM008.*OM009.*OM014.*OM015.*OM016.*OM017.*OM011.*OM012.*OM013'
        || '.*OM071.*OM072.*OM073.*OM070.*OM010'
    ),
    'place_order documents its errors'
);

SELECT * FROM finish();
ROLLBACK;
