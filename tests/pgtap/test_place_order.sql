-- Business rules (issue 7a): place_order turns a cart into an order: prices, snapshots,
-- GST by place of supply and date, paise rounding, stock, coupons, slots, bookings,
-- invoices; order_items frozen once sold; old orders keep their medicine version.
BEGIN;
SELECT plan(69);
SET LOCAL timezone = 'UTC';

-- Fixtures -------------------------------------------------------------------------------
-- Patients P1 (Bengaluru), P2 (Chandigarh), P3 (Mumbai), P4 (Bengaluru, lab + home visit
-- + coupon), P5 (Bengaluru, error cases); one owner of three vendors: a pharmacy with
-- branches in Bengaluru (29) and Chandigarh (04), a lab and a physiotherapy agency.
INSERT INTO auth.users (id, email)
SELECT
    ('a7b00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@t7b.in' AS email
FROM generate_series(1, 6) AS g (n);
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    ('a7b00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'User ' || g.n AS full_name,
    r.id AS role_id
FROM generate_series(1, 6) AS g (n)
INNER JOIN public.roles AS r
    ON r.name = CASE WHEN g.n = 6 THEN 'VENDOR_ADMIN' ELSE 'PATIENT' END;
INSERT INTO public.cities (id, state_code, name) VALUES
('c7b00000-0000-4000-8000-000000000001', '29', 'Bengaluru T7B'),
('c7b00000-0000-4000-8000-000000000002', '04', 'Chandigarh T7B'),
('c7b00000-0000-4000-8000-000000000003', '27', 'Mumbai T7B');
INSERT INTO public.addresses (id, profile_id, line_1, city_id, pincode) VALUES
(
    'ad7b0000-0000-4000-8000-000000000001', 'a7b00000-0000-4000-8000-000000000001',
    '1 MG Road', 'c7b00000-0000-4000-8000-000000000001', '560001'
),
(
    'ad7b0000-0000-4000-8000-000000000002', 'a7b00000-0000-4000-8000-000000000002',
    'Sector 17', 'c7b00000-0000-4000-8000-000000000002', '160017'
),
(
    'ad7b0000-0000-4000-8000-000000000003', 'a7b00000-0000-4000-8000-000000000003',
    'Marine Drive', 'c7b00000-0000-4000-8000-000000000003', '400020'
),
(
    'ad7b0000-0000-4000-8000-000000000004', 'a7b00000-0000-4000-8000-000000000004',
    '2 Brigade Road', 'c7b00000-0000-4000-8000-000000000001', '560025'
),
(
    'ad7b0000-0000-4000-8000-000000000005', 'a7b00000-0000-4000-8000-000000000005',
    '3 Residency Road', 'c7b00000-0000-4000-8000-000000000001', '560025'
);
INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES
(
    'b7b00000-0000-4000-8000-000000000001', 'Pharmacy T7B', 'PHARMACY',
    'a7b00000-0000-4000-8000-000000000006', TRUE
),
(
    'b7b00000-0000-4000-8000-000000000002', 'Lab T7B', 'DIAGNOSTIC_LAB',
    'a7b00000-0000-4000-8000-000000000006', TRUE
),
(
    'b7b00000-0000-4000-8000-000000000003', 'Physio T7B', 'PHYSIO_AGENCY',
    'a7b00000-0000-4000-8000-000000000006', TRUE
);
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
);
INSERT INTO public.medicine_master (
    id, name, hsn_code, prescription_required, drug_schedule
) VALUES
('e7b00000-0000-4000-8000-000000000001', 'Paracetamol T7B', '3004', FALSE, 'OTC'),
('e7b00000-0000-4000-8000-000000000002', 'Cetirizine T7B', '3004', FALSE, 'OTC'),
('e7b00000-0000-4000-8000-000000000003', 'Amoxicillin T7B', '3004', TRUE, 'H');
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
);
INSERT INTO public.medicine_inventory (medicine_id, vendor_id, branch_id, stock_qty, price, mrp)
VALUES
(
    'e7b00000-0000-4000-8000-000000000001', 'b7b00000-0000-4000-8000-000000000001',
    'd7b00000-0000-4000-8000-000000000001', 10, 33.33, 40
),
(
    'e7b00000-0000-4000-8000-000000000002', 'b7b00000-0000-4000-8000-000000000001',
    'd7b00000-0000-4000-8000-000000000001', 10, 10.10, 12
),
(
    'e7b00000-0000-4000-8000-000000000001', 'b7b00000-0000-4000-8000-000000000001',
    'd7b00000-0000-4000-8000-000000000002', 5, 100, 110
),
(
    'e7b00000-0000-4000-8000-000000000003', 'b7b00000-0000-4000-8000-000000000001',
    'd7b00000-0000-4000-8000-000000000001', 5, 120, 150
);
INSERT INTO public.lab_pricing (test_id, vendor_id, branch_id, price, mrp) VALUES
(
    'e7c00000-0000-4000-8000-000000000001', 'b7b00000-0000-4000-8000-000000000002',
    'd7b00000-0000-4000-8000-000000000003', 500, 600
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
);
INSERT INTO public.coupons (code, discount_type, value, max_uses, valid_from, valid_to, is_active)
VALUES
('ONCE1', 'PERCENT', 10, 1, now() - interval '1 day', now() + interval '30 days', TRUE),
('OLD10', 'FLAT', 50, NULL, '2025-01-01 00:00+00', '2025-02-01 00:00+00', TRUE),
('OFF10', 'FLAT', 50, NULL, now() - interval '1 day', now() + interval '30 days', FALSE);
INSERT INTO public.carts (id, profile_id)
SELECT
    ('0c7b0000-0000-4000-8000-00000000000' || n)::uuid,
    ('a7b00000-0000-4000-8000-00000000000' || n)::uuid
FROM generate_series(1, 5) AS n;
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id, slot_id)
VALUES
-- P1: intra-state Karnataka, two lines.
(
    '0c7b0000-0000-4000-8000-000000000001', '57b00000-0000-4000-8000-000000000001', 3,
    'b7b00000-0000-4000-8000-000000000001', 'd7b00000-0000-4000-8000-000000000001', NULL
),
(
    '0c7b0000-0000-4000-8000-000000000001', '57b00000-0000-4000-8000-000000000002', 1,
    'b7b00000-0000-4000-8000-000000000001', 'd7b00000-0000-4000-8000-000000000001', NULL
),
-- P2: Chandigarh branch to a Chandigarh address.
(
    '0c7b0000-0000-4000-8000-000000000002', '57b00000-0000-4000-8000-000000000001', 1,
    'b7b00000-0000-4000-8000-000000000001', 'd7b00000-0000-4000-8000-000000000002', NULL
),
-- P3: Bengaluru branch to a Mumbai address.
(
    '0c7b0000-0000-4000-8000-000000000003', '57b00000-0000-4000-8000-000000000002', 1,
    'b7b00000-0000-4000-8000-000000000001', 'd7b00000-0000-4000-8000-000000000001', NULL
),
-- P4: a lab test in a slot and a home visit.
(
    '0c7b0000-0000-4000-8000-000000000004', '57b00000-0000-4000-8000-000000000004', 1,
    'b7b00000-0000-4000-8000-000000000002', 'd7b00000-0000-4000-8000-000000000003',
    '5a7b0000-0000-4000-8000-000000000001'
),
(
    '0c7b0000-0000-4000-8000-000000000004', '57b00000-0000-4000-8000-000000000005', 1,
    'b7b00000-0000-4000-8000-000000000003', NULL, NULL
),
-- P5: more of a prescription medicine than in stock, and one paracetamol.
(
    '0c7b0000-0000-4000-8000-000000000005', '57b00000-0000-4000-8000-000000000003', 6,
    'b7b00000-0000-4000-8000-000000000001', 'd7b00000-0000-4000-8000-000000000001', NULL
),
(
    '0c7b0000-0000-4000-8000-000000000005', '57b00000-0000-4000-8000-000000000001', 1,
    'b7b00000-0000-4000-8000-000000000001', 'd7b00000-0000-4000-8000-000000000001', NULL
);

-- GST by date and place of supply (order_line_tax) -------------------------------------
SELECT
    is(
        ARRAY[t.gst_rate, t.cgst, t.sgst, t.utgst, t.igst], ARRAY[12, 6, 6, 0, 0]::numeric[],
        'HSN 3004 on 21 Sep 2025, Karnataka to Karnataka: 12% as CGST 6 + SGST 6'
    )
FROM public.order_line_tax(100, '3004', '2025-09-21', '29', '29') AS t;
SELECT
    is(
        ARRAY[t.gst_rate, t.cgst, t.sgst, t.utgst, t.igst], ARRAY[5, 2.5, 2.5, 0, 0]::numeric[],
        'HSN 3004 from 22 Sep 2025: 5% as CGST 2.50 + SGST 2.50'
    )
FROM public.order_line_tax(100, '3004', '2025-09-22', '29', '29') AS t;
SELECT
    is(
        ARRAY[t.gst_rate, t.cgst, t.sgst, t.utgst, t.igst], ARRAY[12, 6, 0, 6, 0]::numeric[],
        'Chandigarh to Chandigarh before the change: CGST + UTGST'
    )
FROM public.order_line_tax(100, '3004', '2025-09-21', '04', '04') AS t;
SELECT
    is(
        ARRAY[t.gst_rate, t.cgst, t.sgst, t.utgst, t.igst], ARRAY[12, 0, 0, 0, 12]::numeric[],
        'Karnataka to Maharashtra before the change: IGST 12'
    )
FROM public.order_line_tax(100, '3004', '2025-09-21', '29', '27') AS t;
SELECT
    is(
        ARRAY[t.gst_rate, t.cgst, t.sgst, t.utgst, t.igst], ARRAY[5, 0, 0, 0, 0.51]::numeric[],
        'paise: IGST on 10.10 at 5% is 0.505, rounded half away from zero to 0.51'
    )
FROM public.order_line_tax(10.10, '3004', '2026-11-25', '29', '27') AS t;
SELECT
    is(
        ARRAY[t.cgst, t.sgst], ARRAY[0.25, 0.25]::numeric[],
        'paise: each half of 0.505 is 0.2525, rounded to 0.25 (CGST and SGST rounded on their own)'
    )
FROM public.order_line_tax(10.10, '3004', '2026-11-25', '29', '29') AS t;
SELECT
    is(
        ARRAY[t.gst_rate, t.cgst, t.sgst, t.utgst, t.igst], ARRAY[0, 0, 0, 0, 0]::numeric[],
        'SAC 9993 health care services are exempt wherever supplied'
    )
FROM public.order_line_tax(500, '9993', '2026-11-25', '29', '27') AS t;
SELECT throws_ok(
    $$SELECT public.order_line_tax(100, '3004', '2026-11-25', '29', '99')$$,
    '22023',
    'unknown GST state code 29 or 99',
    'an unknown state code is refused'
);
SELECT throws_ok(
    $$SELECT public.order_line_tax(-1, '3004', '2026-11-25', '29', '29')$$,
    '22023',
    'taxable value -1 is negative',
    'a negative taxable value is refused'
);
SELECT throws_ok(
    $$SELECT public.order_line_tax(NULL, '3004', '2026-11-25', '29', '29')$$,
    '22004',
    'order_line_tax needs a taxable value and both states, got NULL',
    'a NULL argument is refused'
);
SELECT throws_ok(
    $$SELECT public.order_line_tax(100, '3004', '2017-06-30', '29', '29')$$,
    'P0002',
    'no GST slab in force for code 3004 on 2017-06-30',
    'no slab before GST: tax_slab_for''s P0002 passes through'
);
-- An order of 21 September 2025 carries the 12% line; the slab trigger refuses 5%.
INSERT INTO public.orders (
    id, profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
    net_amount, created_at
) VALUES (
    '07b00000-0000-4000-8000-000000000099', 'a7b00000-0000-4000-8000-000000000001',
    '{"line_1": "1 MG Road", "city": "Bengaluru", "state_code": "29", "pincode": "560001"}',
    '29', 100, 12, 112, '2025-09-21 12:00+05:30'
);
SELECT lives_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
          gst_rate, cgst, sgst, utgst, igst, service_snapshot)
      SELECT '07b00000-0000-4000-8000-000000000099', '57b00000-0000-4000-8000-000000000001',
          'b7b00000-0000-4000-8000-000000000001', 1, 100, 100, '3004',
          t.gst_rate, t.cgst, t.sgst, t.utgst, t.igst,
          '{"name": "x", "service_type": "MEDICINE", "version": 1, "price": 100,
            "vendor_id": "b7b00000-0000-4000-8000-000000000001"}'
      FROM public.order_line_tax(100, '3004', '2025-09-21', '29', '29') AS t$$,
    'a line of 21 Sep 2025 computed by order_line_tax passes the slab and amount checks'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
          gst_rate, cgst, sgst, utgst, igst, service_snapshot)
      SELECT '07b00000-0000-4000-8000-000000000099', '57b00000-0000-4000-8000-000000000001',
          'b7b00000-0000-4000-8000-000000000001', 1, 100, 100, '3004',
          t.gst_rate, t.cgst, t.sgst, t.utgst, t.igst,
          '{"name": "x", "service_type": "MEDICINE", "version": 1, "price": 100,
            "vendor_id": "b7b00000-0000-4000-8000-000000000001"}'
      FROM public.order_line_tax(100, '3004', '2025-09-22', '29', '29') AS t$$,
    '23514',
    'order item GST rate 5.00% does not match the 12.00% slab of HSN/SAC 3004 on 2025-09-21',
    'the 5% of 22 Sep 2025 is refused on an order of the 21st'
);

-- Privileges ---------------------------------------------------------------------------
SELECT ok(
    has_function_privilege('authenticated', 'public.place_order(uuid, uuid, text)', 'execute')
    AND NOT has_function_privilege('anon', 'public.place_order(uuid, uuid, text)', 'execute')
    AND NOT has_function_privilege(
        'authenticated', 'public.next_invoice_number(uuid, date)', 'execute'
    ),
    'authenticated (not anon) may place orders; invoice numbering is internal'
);

-- P1: intra-state Karnataka ------------------------------------------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT
    is(
        set_config('t7b.order_1', o.id::text, TRUE) IS NOT NULL
        AND o.status = 'PENDING' AND o.payment_status = 'AWAITING',
        TRUE,
        'P1 places an order: PENDING, AWAITING payment'
    )
FROM public.place_order(
    '0c7b0000-0000-4000-8000-000000000001', 'ad7b0000-0000-4000-8000-000000000001'
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[gross_amount, discount_amount, tax_amount, net_amount]
        FROM public.orders WHERE id = current_setting('t7b.order_1')::uuid
    ),
    ARRAY[110.09, 0, 5.50, 115.59]::numeric[],
    'order 1 money: gross 3 x 33.33 + 10.10, tax 2.50 + 2.50 + 0.25 + 0.25'
);
SELECT is(
    (
        SELECT delivery_address || jsonb_build_object('state', delivery_state_code)
        FROM public.orders WHERE id = current_setting('t7b.order_1')::uuid
    ),
    '{"line_1": "1 MG Road", "city": "Bengaluru T7B", "state_code": "29",
      "pincode": "560001", "state": "29"}'::jsonb,
    'the delivery address is frozen into the order with its state'
);
SELECT is(
    (
        SELECT ARRAY[unit_price, taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items
        WHERE
            order_id = current_setting('t7b.order_1')::uuid
            AND service_catalog_id = '57b00000-0000-4000-8000-000000000001'
    ),
    ARRAY[33.33, 99.99, 5, 2.50, 2.50, 0, 0]::numeric[],
    'paracetamol line: 99.99 at 5% = 4.9995; halves 2.49975 round to 2.50 each'
);
SELECT is(
    (
        SELECT ARRAY[unit_price, taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items
        WHERE
            order_id = current_setting('t7b.order_1')::uuid
            AND service_catalog_id = '57b00000-0000-4000-8000-000000000002'
    ),
    ARRAY[10.10, 10.10, 5, 0.25, 0.25, 0, 0]::numeric[],
    'cetirizine line: Karnataka to Karnataka, CGST + SGST of 0.25 each'
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
      "vendor_name": "Pharmacy T7B", "price": 33.33, "mrp": 40.00, "hsn_code": "3004",
      "gst_rate": 5.00, "generic_name": null, "manufacturer": null, "dosage_form": null,
      "strength": null, "pack_size": null, "prescription_required": false,
      "drug_schedule": "OTC", "supplier_state_code": "29", "place_of_supply": "29"}'::jsonb,
    'the snapshot holds name, type, version, vendor, price, MRP, HSN, rate and places'
);
SELECT is(
    (
        SELECT
            service_snapshot ->> 'inventory_id' IS NOT NULL
            AND service_snapshot ->> 'branch_id' = 'd7b00000-0000-4000-8000-000000000001'
            AND service_snapshot ->> 'vendor_id' = 'b7b00000-0000-4000-8000-000000000001'
            AND service_snapshot ->> 'medicine_id' = 'e7b00000-0000-4000-8000-000000000001'
        FROM public.order_items
        WHERE
            order_id = current_setting('t7b.order_1')::uuid
            AND service_catalog_id = '57b00000-0000-4000-8000-000000000001'
    ),
    TRUE,
    'the snapshot names the inventory row, branch, vendor and medicine version sold'
);
SELECT is(
    (
        SELECT array_agg(stock_qty ORDER BY price)
        FROM public.medicine_inventory
        WHERE branch_id = 'd7b00000-0000-4000-8000-000000000001'
    ),
    ARRAY[9, 7, 5],
    'stock went down by the quantities sold (cetirizine 10 - 1, paracetamol 10 - 3)'
);
SELECT is(
    (
        SELECT ARRAY[invoice_number, invoice_date::text]
        FROM public.order_invoices WHERE order_id = current_setting('t7b.order_1')::uuid
    ),
    ARRAY[
        format(
            'OM/%s/000001',
            to_char(
                (now() AT TIME ZONE 'Asia/Kolkata')::date - interval '3 months', 'YY'
            ) || to_char(
                (now() AT TIME ZONE 'Asia/Kolkata')::date + interval '9 months', 'YY'
            )
        ),
        ((now() AT TIME ZONE 'Asia/Kolkata')::date)::text
    ],
    'one invoice for the one vendor: OM/<financial year>/000001 dated today in India'
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
        SELECT ref_id FROM public.service_catalog
        WHERE id = '57b00000-0000-4000-8000-000000000001'
    ),
    current_setting('t7b.paracetamol_v2')::uuid,
    'the catalog row moved to version 2'
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

-- P2: Chandigarh to Chandigarh (UTGST), sold as version 2 --------------------------------
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
    '0c7b0000-0000-4000-8000-000000000002', 'ad7b0000-0000-4000-8000-000000000002'
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid
    ),
    ARRAY[100, 5, 2.50, 0, 2.50, 0]::numeric[],
    'union territory without legislature: CGST + UTGST, no SGST'
);
SELECT is(
    (
        SELECT ARRAY[service_snapshot ->> 'version', service_snapshot ->> 'name']
        FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid
    ),
    ARRAY['2', 'Paracetamol T7B 650'],
    'a new order sells the new version under its new name'
);
SELECT is(
    (
        SELECT stock_qty FROM public.medicine_inventory
        WHERE branch_id = 'd7b00000-0000-4000-8000-000000000002'
    ),
    4,
    'the Chandigarh branch''s stock went down'
);

-- P3: Karnataka to Maharashtra (IGST) ---------------------------------------------------
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
    '0c7b0000-0000-4000-8000-000000000003', 'ad7b0000-0000-4000-8000-000000000003'
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items WHERE order_id = current_setting('t7b.order_3')::uuid
    ),
    ARRAY[10.10, 5, 0, 0, 0, 0.51]::numeric[],
    'inter-state: IGST only, 0.505 rounded to 0.51'
);
SELECT is(
    (
        SELECT ARRAY[o.tax_amount, o.net_amount]
        FROM public.orders AS o WHERE o.id = current_setting('t7b.order_3')::uuid
    ),
    ARRAY[0.51, 10.61]::numeric[],
    'order 3 totals'
);
SELECT is(
    (
        SELECT right(invoice_number, 7) FROM public.order_invoices
        WHERE order_id = current_setting('t7b.order_3')::uuid
    ),
    '/000003',
    'the pharmacy''s invoices are numbered consecutively (third this year)'
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
    '0c7b0000-0000-4000-8000-000000000004', 'ad7b0000-0000-4000-8000-000000000004', ' once1 '
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[gross_amount, discount_amount, tax_amount, net_amount]
        FROM public.orders WHERE id = current_setting('t7b.order_4')::uuid
    ),
    ARRAY[1200, 120, 0, 1080]::numeric[],
    'coupon: 10% of 1200; health care services exempt'
);
SELECT is(
    (
        SELECT array_agg(discount_amount::text || '/' || taxable_value::text ORDER BY unit_price)
        FROM public.order_items WHERE order_id = current_setting('t7b.order_4')::uuid
    ),
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
        SELECT count(*) FROM public.order_invoices
        WHERE order_id = current_setting('t7b.order_4')::uuid AND invoice_number LIKE '%/000001'
    ),
    2::bigint,
    'one invoice per vendor, each vendor numbering on its own'
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

-- Errors (P5) ---------------------------------------------------------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000005", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005')$$,
    'OM010',
    'Amoxicillin T7B is out of stock at Pharmacy T7B: 6 requested, 5 available',
    'an out-of-stock line fails the order with OM010, naming the item'
);
RESET ROLE;
SELECT is(
    (
        SELECT array_agg(stock_qty ORDER BY price)
        FROM public.medicine_inventory
        WHERE branch_id = 'd7b00000-0000-4000-8000-000000000001'
    ),
    ARRAY[8, 7, 5],
    'nothing of the failed order stayed: cetirizine 8, paracetamol 7, amoxicillin 5'
);
SELECT is(
    (SELECT status FROM public.carts WHERE id = '0c7b0000-0000-4000-8000-000000000005'),
    'OPEN'::public.cart_status,
    'the failed order left the cart open'
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 'NOPE1')$$,
    'OM015',
    'coupon NOPE1 is not valid',
    'an unknown coupon is refused with OM015'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 'OFF10')$$,
    'OM015',
    'coupon OFF10 is not valid',
    'a withdrawn coupon is refused with OM015'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 'OLD10')$$,
    'OM016',
    'coupon OLD10 is valid from 2025-01-01 00:00:00+00 until 2025-02-01 00:00:00+00 only',
    'an expired coupon is refused with OM016'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005', 'ONCE1')$$,
    'OM017',
    'coupon ONCE1 has been used up (1 of 1 uses)',
    'a used-up coupon is refused with OM017'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000001')$$,
    'OM014',
    'address ad7b0000-0000-4000-8000-000000000001 not found',
    'another patient''s address is refused with OM014'
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000004',
                                'ad7b0000-0000-4000-8000-000000000005')$$,
    'OM007',
    'cart 0c7b0000-0000-4000-8000-000000000004 not found',
    'another patient''s cart is refused with OM007'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000001',
                                'ad7b0000-0000-4000-8000-000000000001')$$,
    'OM008',
    'cart 0c7b0000-0000-4000-8000-000000000001 is CHECKED_OUT, not OPEN',
    'a checked-out cart cannot be ordered again (OM008)'
);
SELECT set_config('request.jwt.claims', '', TRUE);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005')$$,
    '42501',
    'sign in to place an order',
    'place_order needs a signed-in user'
);
RESET ROLE;

-- Cart lines that cannot be sold.
DELETE FROM public.cart_items WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty) VALUES
('0c7b0000-0000-4000-8000-000000000005', '57b00000-0000-4000-8000-000000000002', 1);
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b00000-0000-4000-8000-000000000005", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005')$$,
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
                                'ad7b0000-0000-4000-8000-000000000005')$$,
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
                                'ad7b0000-0000-4000-8000-000000000005')$$,
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
                                'ad7b0000-0000-4000-8000-000000000005')$$,
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
                                'ad7b0000-0000-4000-8000-000000000005')$$,
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
                                'ad7b0000-0000-4000-8000-000000000005')$$,
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
                                'ad7b0000-0000-4000-8000-000000000005')$$,
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
                                'ad7b0000-0000-4000-8000-000000000005')$$,
    'slot 5a7b0000-0000-4000-8000-000000000001 started at % and can no longer be booked',
    'a slot that has started fails the order (OM004)'
);
RESET ROLE;
DELETE FROM public.cart_items WHERE cart_id = '0c7b0000-0000-4000-8000-000000000005';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c7b0000-0000-4000-8000-000000000005',
                                'ad7b0000-0000-4000-8000-000000000005')$$,
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
        $$UPDATE public.order_items
          SET service_snapshot = service_snapshot || '{"name": "x"}' WHERE id = %L$$,
        (SELECT id FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid)
    ),
    'OM024',
    format(
        'order item %s is frozen as sold; cannot change service_snapshot',
        (SELECT id FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid)
    ),
    'a sold line''s snapshot cannot change (OM024)'
);
SELECT throws_ok(
    format(
        $$UPDATE public.order_items SET cgst = 0, sgst = 0, igst = 0.51 WHERE id = %L$$,
        (SELECT id FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid)
    ),
    'OM024',
    format(
        'order item %s is frozen as sold; cannot change cgst, igst',
        (SELECT id FROM public.order_items WHERE order_id = current_setting('t7b.order_2')::uuid)
    ),
    'a sold line''s tax cannot change (OM024)'
);
SELECT lives_ok(
    $$UPDATE public.order_items SET updated_at = now()
      WHERE order_id = current_setting('t7b.order_2')::uuid$$,
    'an update that changes nothing sold passes'
);
SELECT ok(
    obj_description('public.place_order(uuid, uuid, text)'::regprocedure)
    ~ 'OM007.*OM008.*OM009.*OM014.*OM015.*OM016.*OM017.*OM011.*OM012.*OM013.*OM010',
    'place_order documents its errors'
);

SELECT * FROM finish();
ROLLBACK;
