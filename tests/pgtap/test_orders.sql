-- Group F, transactions: carts, cart_items, orders, order_items, order_invoices,
-- service_bookings and order_artifacts.
BEGIN;
SELECT plan(128);

-- Fixtures: two patients and a vendor owner, two vendors, a lab test in the catalogue with
-- a slot at the first vendor, a family member of each patient.
INSERT INTO auth.users (id, email) VALUES
('a6000000-0000-4000-8000-000000000001', 'asha@example.in'),
('a6000000-0000-4000-8000-000000000002', 'ravi@example.in'),
('a6000000-0000-4000-8000-000000000003', 'owner@example.in');
INSERT INTO public.profiles (id, full_name, role_id) VALUES
(
    'a6000000-0000-4000-8000-000000000001', 'Asha',
    (SELECT r.id FROM public.roles AS r WHERE r.name = 'PATIENT')
),
(
    'a6000000-0000-4000-8000-000000000002', 'Ravi',
    (SELECT r.id FROM public.roles AS r WHERE r.name = 'PATIENT')
),
(
    'a6000000-0000-4000-8000-000000000003', 'Owner',
    (SELECT r.id FROM public.roles AS r WHERE r.name = 'VENDOR_ADMIN')
);
INSERT INTO public.vendors (id, name, type, owner_id) VALUES
(
    'b6000000-0000-4000-8000-000000000001', 'Vijaya Diagnostics', 'DIAGNOSTIC_LAB',
    'a6000000-0000-4000-8000-000000000003'
),
(
    'b6000000-0000-4000-8000-000000000002', 'Apollo Pharmacy', 'PHARMACY',
    'a6000000-0000-4000-8000-000000000003'
);
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e6100000-0000-4000-8000-000000000001', 'Complete blood count', 'CBC-T6', 'BLOOD'),
('e6100000-0000-4000-8000-000000000002', 'Lipid profile', 'LIPID-T6', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    '56000000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e6100000-0000-4000-8000-000000000001'
),
(
    '56000000-0000-4000-8000-000000000002', 'LAB_TEST', 'lab_tests',
    'e6100000-0000-4000-8000-000000000002'
);
INSERT INTO public.availability_slots (
    id, service_catalog_id, vendor_id, start_time, end_time
) VALUES
(
    '57000000-0000-4000-8000-000000000001', '56000000-0000-4000-8000-000000000001',
    'b6000000-0000-4000-8000-000000000001', '2026-12-01 10:00+05:30', '2026-12-01 10:30+05:30'
),
(
    '57000000-0000-4000-8000-000000000002', '56000000-0000-4000-8000-000000000002',
    'b6000000-0000-4000-8000-000000000001', '2026-12-01 10:00+05:30', '2026-12-01 10:30+05:30'
);
INSERT INTO public.family_members (id, owner_id, name, relation) VALUES
('f6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001', 'Meera', 'CHILD'),
('f6000000-0000-4000-8000-000000000002', 'a6000000-0000-4000-8000-000000000002', 'Kiran', 'SPOUSE');

-- carts: structure and one OPEN cart per profile.
SELECT has_table('public', 'carts', 'table carts exists');
SELECT col_not_null('public', 'carts', 'profile_id', 'carts.profile_id is NOT NULL');
SELECT col_type_is('public', 'carts', 'status', 'cart_status', 'carts.status is the enum');
SELECT enum_has_labels('public', 'cart_status', ARRAY['OPEN', 'CHECKED_OUT', 'ABANDONED']);
SELECT fk_ok('public', 'carts', 'profile_id', 'public', 'profiles', 'id');
SELECT has_index('public', 'carts', 'carts_profile_id_idx', 'profile_id');
SELECT index_is_unique('public', 'carts', 'carts_one_open_per_profile');
SELECT trigger_is('public', 'carts', 'carts_set_updated_at', 'private', 'set_updated_at');
SELECT table_privs_are(
    'public', 'carts', 'authenticated', ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']
);
SELECT lives_ok(
    $$INSERT INTO public.carts (id, profile_id)
      VALUES ('c6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001')$$,
    'a first OPEN cart is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.carts (profile_id) VALUES ('a6000000-0000-4000-8000-000000000001')$$,
    '23505',
    'duplicate key value violates unique constraint "carts_one_open_per_profile"',
    'a second OPEN cart of the same profile is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.carts (profile_id, status, checked_out_at)
      VALUES ('a6000000-0000-4000-8000-000000000001', 'CHECKED_OUT', now())$$,
    'a checked-out cart beside the open one is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.carts (profile_id, status)
      VALUES ('a6000000-0000-4000-8000-000000000001', 'CHECKED_OUT')$$,
    '23514',
    'new row for relation "carts" violates check constraint '
    || '"carts_checked_out_at_iff_checked_out"'
);
SELECT throws_ok(
    $$INSERT INTO public.carts (profile_id, checked_out_at)
      VALUES ('a6000000-0000-4000-8000-000000000002', now())$$,
    '23514',
    'new row for relation "carts" violates check constraint '
    || '"carts_checked_out_at_iff_checked_out"'
);

-- cart_items.
SELECT has_table('public', 'cart_items', 'table cart_items exists');
SELECT fk_ok('public', 'cart_items', 'cart_id', 'public', 'carts', 'id');
SELECT fk_ok('public', 'cart_items', 'service_catalog_id', 'public', 'service_catalog', 'id');
SELECT has_index(
    'public', 'cart_items', 'cart_items_service_catalog_id_idx', 'service_catalog_id'
);
SELECT lives_ok(
    $$INSERT INTO public.cart_items (cart_id, service_catalog_id, qty)
      VALUES ('c6000000-0000-4000-8000-000000000001', '56000000-0000-4000-8000-000000000001', 2)$$,
    'a cart line with a positive quantity is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.cart_items (cart_id, service_catalog_id, qty)
      VALUES ('c6000000-0000-4000-8000-000000000001', '56000000-0000-4000-8000-000000000001', 1)$$,
    '23505',
    'duplicate key value violates unique constraint "cart_items_one_line_per_item"'
);
SELECT throws_ok(
    $$INSERT INTO public.cart_items (cart_id, service_catalog_id, qty)
      VALUES ('c6000000-0000-4000-8000-000000000001', '56000000-0000-4000-8000-000000000002', 0)$$,
    '23514',
    'new row for relation "cart_items" violates check constraint "cart_items_qty_positive"'
);

-- orders: structure.
SELECT has_table('public', 'orders', 'table orders exists');
SELECT col_not_null('public', 'orders', 'profile_id', 'orders.profile_id is NOT NULL');
SELECT col_type_is('public', 'orders', 'status', 'order_status', 'orders.status is the enum');
SELECT col_type_is(
    'public', 'orders', 'payment_status', 'payment_status', 'payment_status is the enum'
);
SELECT col_type_is('public', 'orders', 'net_amount', 'inr', 'net_amount is money');
SELECT col_type_is('public', 'orders', 'gross_amount', 'inr', 'gross is money');
SELECT col_type_is('public', 'orders', 'delivery_address', 'jsonb', 'address snapshot is jsonb');
SELECT col_not_null('public', 'orders', 'delivery_address', 'delivery_address is NOT NULL');
SELECT fk_ok('public', 'orders', 'delivery_state_code', 'public', 'states', 'code');
SELECT fk_ok('public', 'orders', 'coupon_id', 'public', 'coupons', 'id');
SELECT fk_ok('public', 'orders', 'profile_id', 'public', 'profiles', 'id');
SELECT fk_ok('public', 'orders', 'address_id', 'public', 'addresses', 'id');
SELECT index_is_type('public', 'orders', 'orders_created_at_brin', 'brin');
SELECT has_index(
    'public', 'orders', 'orders_profile_id_created_at_idx', ARRAY['profile_id', 'created_at'],
    'a patient''s orders newest first are indexed'
);
SELECT has_index('public', 'orders', 'orders_coupon_id_idx', 'coupon_id');
SELECT has_index('public', 'orders', 'orders_delivery_state_code_idx', 'delivery_state_code');
SELECT has_index('public', 'orders', 'orders_address_id_idx', 'address_id');
SELECT trigger_is('public', 'orders', 'orders_set_updated_at', 'private', 'set_updated_at');
-- Orders are created by place_order only (change checkout_only_via_place_order).
SELECT table_privs_are(
    'public', 'orders', 'authenticated', ARRAY['SELECT', 'UPDATE']
);
SELECT table_privs_are('public', 'orders', 'anon', ARRAY[]::text[]);

-- orders: constraints. Orders 1 to 4 belong to Asha (Telangana); 5 was placed on
-- 21 September 2025 (the old rates); 6 goes to Chandigarh (a UT with UTGST). Prices are
-- tax-inclusive: net = gross - discount, and the tax is inside it.
SELECT lives_ok(
    $$INSERT INTO public.orders (
          id, profile_id, delivery_address, delivery_state_code,
          gross_amount, discount_amount, tax_amount, net_amount
      ) VALUES
      ('d6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 1050, 0, 50, 1050),
      ('d6000000-0000-4000-8000-000000000002', 'a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 1045, 100, 45, 945),
      ('d6000000-0000-4000-8000-000000000003', 'a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 0, 0, 0, 0),
      ('d6000000-0000-4000-8000-000000000004', 'a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 0, 0, 0, 0),
      ('d6000000-0000-4000-8000-000000000006', 'a6000000-0000-4000-8000-000000000001',
       '{"line_1": "Sector 17", "city": "Chandigarh", "state_code": "04",
         "pincode": "160017"}', '04', 1050, 0, 50, 1050)$$,
    'orders with a complete address and consistent money are accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.orders (
          id, profile_id, delivery_address, delivery_state_code,
          gross_amount, tax_amount, net_amount, created_at
      ) VALUES
      ('d6000000-0000-4000-8000-000000000005', 'a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 1120, 120, 1120, '2025-09-21 18:00+05:30')$$,
    'an order placed on 21 September 2025 is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36"}', '36', 0, 0, 0)$$,
    '23514',
    'new row for relation "orders" violates check constraint "orders_delivery_address_complete"',
    'an address snapshot without a pincode is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a6000000-0000-4000-8000-000000000001', '["1 MG Road"]', '36', 0, 0, 0)$$,
    '23514',
    'new row for relation "orders" violates check constraint "orders_delivery_address_complete"',
    'an address snapshot that is not an object is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "050001"}', '36', 0, 0, 0)$$,
    '23514',
    'new row for relation "orders" violates check constraint "orders_delivery_address_complete"',
    'a pincode starting with 0 is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '29', 0, 0, 0)$$,
    '23514',
    'new row for relation "orders" violates check constraint '
    || '"orders_delivery_state_matches_address"'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES ('a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 1000, 50, 1050)$$,
    '23514',
    'new row for relation "orders" violates check constraint '
    || '"orders_net_matches_tax_basis"',
    'a net with GST added on top of tax-inclusive prices is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount, tax_basis
      ) VALUES ('a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 1000, 50, 1050, 'EXCLUSIVE')$$,
    'an order sold by 1.0.0 (tax added on top, EXCLUSIVE) still satisfies its own rule'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, discount_amount,
          tax_amount, net_amount
      ) VALUES ('a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 100, 150, 0, -50)$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative net is refused by the money domain'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, delivery_address, delivery_state_code, gross_amount, discount_amount,
          tax_amount, net_amount
      ) VALUES ('a6000000-0000-4000-8000-000000000001',
       '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 100, 150, 50, 0)$$,
    '23514',
    'new row for relation "orders" violates check constraint "orders_discount_within_gross"'
);
SELECT throws_ok(
    $$UPDATE public.orders SET payment_status = 'PAID'
      WHERE id = 'd6000000-0000-4000-8000-000000000001'$$,
    '23514',
    'new row for relation "orders" violates check constraint "orders_paid_has_payment_ref"'
);
SELECT throws_ok(
    $$UPDATE public.orders SET payment_ref = ' '
      WHERE id = 'd6000000-0000-4000-8000-000000000001'$$,
    '23514',
    'new row for relation "orders" violates check constraint "orders_payment_ref_not_blank"'
);
SELECT lives_ok(
    $$UPDATE public.orders SET payment_status = 'PAID', payment_ref = 'pay_Nx81Kq2'
      WHERE id = 'd6000000-0000-4000-8000-000000000001'$$,
    'a PAID order with its gateway reference is accepted'
);

-- A multi-row INSERT with one bad row leaves no row behind.
SELECT throws_ok(
    $$INSERT INTO public.orders (
          id, profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
          net_amount
      ) VALUES
      ('d6000000-0000-4000-8000-000000000098', 'a6000000-0000-4000-8000-000000000002',
       '{"line_1": "2 Park St", "city": "Kolkata", "state_code": "19",
         "pincode": "700016"}', '19', 10, 0, 10),
      ('d6000000-0000-4000-8000-000000000099', 'a6000000-0000-4000-8000-000000000002',
       '{"line_1": "2 Park St", "city": "Kolkata", "state_code": "19",
         "pincode": "700016"}', '19', 10, 0, 11)$$,
    '23514',
    'new row for relation "orders" violates check constraint '
    || '"orders_net_matches_tax_basis"'
);
SELECT is(
    (SELECT count(*) FROM public.orders WHERE profile_id = 'a6000000-0000-4000-8000-000000000002'),
    0::bigint,
    'the failed multi-row insert left no order behind'
);

-- order_items: structure.
SELECT has_table('public', 'order_items', 'table order_items exists');
SELECT fk_ok('public', 'order_items', 'order_id', 'public', 'orders', 'id');
SELECT fk_ok('public', 'order_items', 'service_catalog_id', 'public', 'service_catalog', 'id');
SELECT fk_ok('public', 'order_items', 'vendor_id', 'public', 'vendors', 'id');
SELECT col_type_is('public', 'order_items', 'unit_price', 'inr', 'unit_price is money');
SELECT col_type_is('public', 'order_items', 'gst_rate', 'percent_rate', 'gst_rate is a rate');
SELECT col_type_is('public', 'order_items', 'cgst', 'inr', 'cgst is money');
SELECT col_type_is('public', 'order_items', 'utgst', 'inr', 'utgst is money');
SELECT col_type_is('public', 'order_items', 'igst', 'inr', 'igst is money');
SELECT col_not_null(
    'public', 'order_items', 'service_snapshot', 'service_snapshot is NOT NULL'
);
SELECT has_index('public', 'order_items', 'order_items_order_id_idx', 'order_id');
SELECT has_index(
    'public', 'order_items', 'order_items_service_catalog_id_idx', 'service_catalog_id'
);
SELECT has_index(
    'public', 'order_items', 'order_items_vendor_id_created_at_idx',
    ARRAY['vendor_id', 'created_at', 'order_id'], 'a vendor''s lines newest first are indexed'
);
SELECT trigger_is(
    'public', 'order_items', 'order_items_gst_rate_matches_slab',
    'private', 'order_items_gst_rate_matches_slab'
);
SELECT table_privs_are('public', 'order_items', 'authenticated', ARRAY['SELECT']);

-- order_items: GST inside tax-inclusive prices (HSN 3004 at 5% in 2026): 2 x 525 = 1050
-- holds 1050 * 5 / 210 = 25 each of CGST and SGST (taxable 1000), or IGST 1050 * 5 / 105
-- = 50. The supplying state is on every line.
SELECT lives_ok(
    $$INSERT INTO public.order_items (
          id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, cgst, sgst, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'e6000000-0000-4000-8000-000000000001', 'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000001', 'b6000000-0000-4000-8000-000000000001',
          2, 525, 1000, '3004', 5, 25, 25, 0, '36',
          '{"name": "CBC", "service_type": "LAB_TEST", "version": 1, "price": 525,
            "vendor_id": "b6000000-0000-4000-8000-000000000001"}'
      )$$,
    'an intra-state line with CGST + SGST is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 1050, 1000, '30049099', 5, 50, '29',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1050,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    'an inter-state line with IGST only is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, discount_amount,
          taxable_value, hsn_code, gst_rate, cgst, utgst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000006',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          -- 3 x 333.33 - 0.99 = 999.00; 999 * 5 / 210 = 23.785..., so 23.79 each
          3, 333.33, 0.99, 951.42, '3004', 5, 23.79, 23.79, '04',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 333.33,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    'a line in a UT without legislature with CGST + UTGST, rounded to the paisa, is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, cgst, sgst, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 1000, 1000, '3004', 5, 25, 25, 50, '36',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_igst_apart_from_cgst_sgst_utgst"',
    'IGST mixed with CGST and SGST is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, cgst, sgst, utgst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 1000, 1000, '3004', 5, 25, 12.5, 12.5, '36',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_sgst_apart_from_utgst"',
    'SGST together with UTGST is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, cgst, sgst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 1000, 1000, '3004', 5, 30, 30, '36',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_tax_amounts_match_rate_and_basis"',
    'tax amounts that are not the rate of the tax-inclusive amount are refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          -- right IGST (50 in 2 x 525), wrong taxable value (1050 instead of 1000)
          2, 525, 1050, '3004', 5, 50, '29',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 525,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_taxable_value_matches_tax_basis"',
    'a taxable value that does not leave the tax inside the price is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          0, 1000, 0, '3004', 5, '36',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'new row for relation "order_items" violates check constraint "order_items_qty_positive"'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, -1000, -1000, '3004', 5, -50, '36',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'negative money on a line is refused by the money domain'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 1000, 1000, '3004', 5, 50, '29',
          '{"name": "Lipid", "service_type": "LAB_TEST", "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_service_snapshot_complete"',
    'a snapshot without version is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 1000, 1000, '3004', 5, 50, '29',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000001"}'
      )$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_snapshot_vendor_matches"',
    'a snapshot of another vendor is refused'
);

-- order_items: the rate must be the slab in force on the order date.
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 1000, 1000, '3004', 12, 120, '29',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'order item GST rate 12% does not match the 5.00% slab of HSN/SAC 3004 on '
    || (now() AT TIME ZONE 'Asia/Kolkata')::date,
    'the old 12% rate on a current order is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, cgst, sgst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000005',
          '56000000-0000-4000-8000-000000000001', 'b6000000-0000-4000-8000-000000000001',
          -- 1120 at 12%: 1120 * 12 / 224 = 60 each, taxable 1000
          1, 1120, 1000, '3004', 12, 60, 60, '36',
          '{"name": "CBC", "service_type": "LAB_TEST", "version": 1, "price": 1120,
            "vendor_id": "b6000000-0000-4000-8000-000000000001"}'
      )$$,
    'the 12% rate on an order of 21 September 2025 is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, igst, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 1000, 1000, '8471', 18, 180, '29',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    'P0002',
    NULL,
    'a code without a slab in force is refused'
);

-- The two checks the slab trigger shadows, with the trigger off.
ALTER TABLE public.order_items DISABLE TRIGGER order_items_gst_rate_matches_slab;
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 0, 0, '30A4', 5, '36',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_hsn_code_is_hsn_or_sac"'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
          hsn_code, gst_rate, supplier_state_code, service_snapshot
      ) VALUES (
          'd6000000-0000-4000-8000-000000000001',
          '56000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000002',
          1, 0, 0, '3004', 101, '36',
          '{"name": "Lipid", "service_type": "LAB_TEST", "version": 3, "price": 1000,
            "vendor_id": "b6000000-0000-4000-8000-000000000002"}'
      )$$,
    '23514',
    'value for domain percent_rate violates check constraint '
    || '"percent_rate_between_0_and_100"',
    'a rate above 100% is refused by the rate domain'
);
ALTER TABLE public.order_items ENABLE TRIGGER order_items_gst_rate_matches_slab;

-- order_invoices: GST documents (tax invoices and bills of supply; test_tax_documents.sql
-- covers issuing them). Bills of supply need no registration, so they carry the rules here;
-- their lines are checked at commit, which this rolled-back file never reaches.
SELECT has_table('public', 'order_invoices', 'table order_invoices exists');
SELECT col_not_null('public', 'order_invoices', 'invoice_number', 'invoice_number NOT NULL');
SELECT col_not_null('public', 'order_invoices', 'document_kind', 'document_kind NOT NULL');
SELECT index_is_unique(
    'public', 'order_invoices', 'order_invoices_one_per_supplier_and_kind',
    'one document of a kind per vendor and supplying state in an order'
);
SELECT index_is_unique(
    'public', 'order_invoices', 'order_invoices_number_unique_per_series',
    'document numbers are unique per vendor, supplying state and financial year'
);
SELECT fk_ok('public', 'order_invoices', 'order_id', 'public', 'orders', 'id');
SELECT fk_ok('public', 'order_invoices', 'vendor_id', 'public', 'vendors', 'id');
SELECT fk_ok('public', 'order_invoices', 'registration_id', 'public', 'gst_registrations', 'id');
SELECT lives_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code)
      VALUES ('d6000000-0000-4000-8000-000000000001', 'b6000000-0000-4000-8000-000000000001',
              'BS/2526/000001', '2026-03-31', 'BILL_OF_SUPPLY', '36')$$,
    'a first bill of supply is accepted'
);
SELECT is(
    (
        SELECT financial_year FROM public.order_invoices
        WHERE invoice_number = 'BS/2526/000001'
    ),
    2025::smallint,
    '31 March 2026 falls in financial year 2025 (2025-26)'
);
SELECT throws_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code)
      VALUES ('d6000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000001',
              'BS/2526/000001', '2025-04-01', 'BILL_OF_SUPPLY', '36')$$,
    '23505',
    'duplicate key value violates unique constraint '
    || '"order_invoices_number_unique_per_series"',
    'the same series reusing a number within the financial year is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code)
      VALUES ('d6000000-0000-4000-8000-000000000002', 'b6000000-0000-4000-8000-000000000001',
              'BS/2526/000001', '2026-04-01', 'BILL_OF_SUPPLY', '36')$$,
    'the same number in the next financial year is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code)
      VALUES ('d6000000-0000-4000-8000-000000000001', 'b6000000-0000-4000-8000-000000000002',
              'BS/2526/000001', '2026-03-31', 'BILL_OF_SUPPLY', '36')$$,
    'the same number for another vendor is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code)
      VALUES ('d6000000-0000-4000-8000-000000000001', 'b6000000-0000-4000-8000-000000000001',
              'BS/2526/000002', '2026-03-31', 'BILL_OF_SUPPLY', '36')$$,
    '23505',
    'duplicate key value violates unique constraint '
    || '"order_invoices_one_per_supplier_and_kind"',
    'a second bill of supply of one vendor and state in an order is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code)
      VALUES ('d6000000-0000-4000-8000-000000000003', 'b6000000-0000-4000-8000-000000000001',
              'BS/2025-2026/0001', '2026-03-31', 'BILL_OF_SUPPLY', '36')$$,
    '23514',
    'new row for relation "order_invoices" violates check constraint '
    || '"order_invoices_invoice_number_format"',
    'a 17-character document number is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code)
      VALUES ('d6000000-0000-4000-8000-000000000003', 'b6000000-0000-4000-8000-000000000001',
              'bs_0003', '2026-03-31', 'BILL_OF_SUPPLY', '36')$$,
    '23514',
    'new row for relation "order_invoices" violates check constraint '
    || '"order_invoices_invoice_number_format"',
    'lower case and _ in a document number are refused'
);

-- service_bookings.
SELECT has_table('public', 'service_bookings', 'table service_bookings exists');
SELECT col_not_null('public', 'service_bookings', 'patient_id', 'patient_id is NOT NULL');
SELECT col_is_null(
    'public', 'service_bookings', 'family_member_id', 'family_member_id may be NULL'
);
SELECT col_type_is(
    'public', 'service_bookings', 'fulfillment_status', 'fulfillment_status',
    'fulfillment_status is the enum'
);
SELECT fk_ok('public', 'service_bookings', 'order_item_id', 'public', 'order_items', 'id');
SELECT fk_ok('public', 'service_bookings', 'patient_id', 'public', 'profiles', 'id');
SELECT fk_ok(
    'public', 'service_bookings', 'family_member_id', 'public', 'family_members', 'id'
);
SELECT fk_ok('public', 'service_bookings', 'slot_id', 'public', 'availability_slots', 'id');
SELECT has_index('public', 'service_bookings', 'service_bookings_slot_id_idx', 'slot_id');
SELECT lives_ok(
    $$INSERT INTO public.service_bookings (order_item_id, patient_id, slot_id)
      VALUES ('e6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001',
              '57000000-0000-4000-8000-000000000001')$$,
    'a booking for the ordering profile in a slot of the item is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.service_bookings (order_item_id, patient_id, family_member_id)
      VALUES ('e6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001',
              'f6000000-0000-4000-8000-000000000001')$$,
    'a booking for one of the profile''s own family members is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.service_bookings (order_item_id, patient_id, family_member_id)
      VALUES ('e6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001',
              'f6000000-0000-4000-8000-000000000002')$$,
    '23514',
    'family member f6000000-0000-4000-8000-000000000002 does not belong to profile '
    || 'a6000000-0000-4000-8000-000000000001',
    'a booking for someone else''s family member is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_bookings (order_item_id, patient_id)
      VALUES ('e6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000002')$$,
    '23514',
    'booking patient a6000000-0000-4000-8000-000000000002 is not the profile '
    || 'a6000000-0000-4000-8000-000000000001 that placed the order',
    'a booking for a profile that did not order is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_bookings (order_item_id, patient_id, slot_id)
      VALUES ('e6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001',
              '57000000-0000-4000-8000-000000000002')$$,
    '23514',
    'slot 57000000-0000-4000-8000-000000000002 is not a slot of the ordered item''s service '
    || 'and vendor',
    'a slot of another service is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_bookings (order_item_id, patient_id, clinical_notes)
      VALUES ('e6000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001',
              '   ')$$,
    '23514',
    'new row for relation "service_bookings" violates check constraint '
    || '"service_bookings_clinical_notes_not_blank"'
);

-- order_artifacts.
SELECT has_table('public', 'order_artifacts', 'table order_artifacts exists');
SELECT col_type_is(
    'public', 'order_artifacts', 'type', 'order_artifact_type', 'type is the enum'
);
SELECT enum_has_labels('public', 'order_artifact_type', ARRAY['PRESC', 'REPORT']);
SELECT fk_ok('public', 'order_artifacts', 'order_id', 'public', 'orders', 'id');
SELECT has_index('public', 'order_artifacts', 'order_artifacts_order_id_idx', 'order_id');
SELECT lives_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url) VALUES
      ('d6000000-0000-4000-8000-000000000001', 'PRESC',
       'prescriptions/a6000000-0000-4000-8000-000000000001/rx-2026-11-25.jpg'),
      ('d6000000-0000-4000-8000-000000000001', 'REPORT',
       'lab-reports/a6000000-0000-4000-8000-000000000001/d6000000-0000-4000-8000-000000000001/'
       || 'cbc.pdf')$$,
    'a prescription and a report in their own buckets are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url)
      VALUES ('d6000000-0000-4000-8000-000000000001', 'PRESC', 'lab-reports/x/rx.jpg')$$,
    '23514',
    'new row for relation "order_artifacts" violates check constraint '
    || '"order_artifacts_file_url_in_matching_bucket"',
    'a prescription in the lab-reports bucket is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url)
      VALUES ('d6000000-0000-4000-8000-000000000001', 'REPORT', 'prescriptions/x/cbc.pdf')$$,
    '23514',
    'new row for relation "order_artifacts" violates check constraint '
    || '"order_artifacts_file_url_in_matching_bucket"',
    'a report in the prescriptions bucket is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url)
      VALUES ('d6000000-0000-4000-8000-000000000001', 'REPORT',
              'lab-reports/../vendor-compliance/kyc.pdf')$$,
    '23514',
    'new row for relation "order_artifacts" violates check constraint '
    || '"order_artifacts_file_url_in_matching_bucket"',
    'a path climbing out of its bucket is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url)
      VALUES ('d6000000-0000-4000-8000-000000000001', 'PRESC',
              'https://example.com/prescriptions/rx.jpg')$$,
    '23514',
    'new row for relation "order_artifacts" violates check constraint '
    || '"order_artifacts_file_url_in_matching_bucket"',
    'a URL instead of a storage path is refused'
);

SELECT * FROM finish();
ROLLBACK;
