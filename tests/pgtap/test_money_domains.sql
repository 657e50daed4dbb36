-- Money is public.inr and rates public.percent_rate everywhere: NaN, Infinity, negative
-- amounts and rates outside 0 to 100 are refused by name, at the column and at the call;
-- absurd quantities are refused by named ceilings instead of overflowing later.
-- (In PostgreSQL 'NaN' >= 0 and 'NaN' <= 'NaN' are true: plain CHECKs let NaN through.)
BEGIN;
SELECT plan(32);

-- Fixtures: a pharmacy with a branch, a medicine in stock, a patient with a paid order of
-- one 40.00 line (tax-inclusive: 38.10 + 0.95 + 0.95).
INSERT INTO auth.users (id, email) VALUES
('a9100000-0000-4000-8000-000000000001', 'money-patient@t91.in'),
('a9100000-0000-4000-8000-000000000002', 'money-owner@t91.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.id,
    u.name AS full_name,
    r.id AS role_id
FROM (
    VALUES
    ('a9100000-0000-4000-8000-000000000001'::uuid, 'Money Patient', 'PATIENT'),
    ('a9100000-0000-4000-8000-000000000002', 'Money Owner', 'VENDOR_ADMIN')
) AS u (id, name, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.cities (id, state_code, name) VALUES
('c9100000-0000-4000-8000-000000000001', '29', 'Bengaluru T91');
INSERT INTO public.vendors (id, name, type, owner_id) VALUES (
    'b9100000-0000-4000-8000-000000000001', 'Pharmacy T91', 'PHARMACY',
    'a9100000-0000-4000-8000-000000000002'
);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES (
    'd9100000-0000-4000-8000-000000000001', 'b9100000-0000-4000-8000-000000000001',
    'c9100000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.59 12.97)'
);
INSERT INTO public.medicine_master (id, name, hsn_code) VALUES
('e9100000-0000-4000-8000-000000000001', 'Moneycillin T91', '3004');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e9200000-0000-4000-8000-000000000001', 'Money count T91', 'MONEY-T91', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES (
    '59100000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
    'e9100000-0000-4000-8000-000000000001'
);
INSERT INTO public.medicine_inventory (id, medicine_id, vendor_id, branch_id, stock_qty, price, mrp)
VALUES (
    'f9100000-0000-4000-8000-000000000001', 'e9100000-0000-4000-8000-000000000001',
    'b9100000-0000-4000-8000-000000000001', 'd9100000-0000-4000-8000-000000000001',
    10, 40.00, 40.00
);
INSERT INTO public.orders (
    id, profile_id, payment_status, payment_ref, delivery_address, delivery_state_code,
    gross_amount, tax_amount, net_amount
) VALUES (
    'd9100000-0000-4000-8000-0000000000aa', 'a9100000-0000-4000-8000-000000000001', 'PAID',
    'pay_T91', '{"line_1": "1 MG Road", "city": "Bengaluru T91", "state_code": "29",
    "pincode": "560001"}', '29', 40.00, 1.90, 40.00
);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, cgst, sgst, supplier_state_code, service_snapshot
) VALUES (
    'e9100000-0000-4000-8000-0000000000aa', 'd9100000-0000-4000-8000-0000000000aa',
    '59100000-0000-4000-8000-000000000001', 'b9100000-0000-4000-8000-000000000001', 1, 40.00,
    38.10, '3004', 5, 0.95, 0.95, '29',
    '{"name": "Moneycillin T91", "service_type": "MEDICINE", "version": 1, "price": 40.00,
      "mrp": 40.00, "vendor_id": "b9100000-0000-4000-8000-000000000001"}'
);

-- The domains ------------------------------------------------------------------------------
SELECT has_domain('public', 'inr', 'public.inr exists');
SELECT is(
    (
        SELECT format_type(typbasetype, typtypmod) FROM pg_catalog.pg_type
        WHERE oid = 'public.inr'::regtype
    ),
    'numeric',
    'inr is over numeric without a typmod, so no amount is rounded or overflows unnamed'
);
SELECT is(
    (
        SELECT format_type(typbasetype, typtypmod) FROM pg_catalog.pg_type
        WHERE oid = 'public.percent_rate'::regtype
    ),
    'numeric',
    'percent_rate is over numeric too'
);
SELECT is_empty(
    $$SELECT c.relname, a.attname
      FROM pg_catalog.pg_attribute AS a
      INNER JOIN pg_catalog.pg_class AS c ON a.attrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
        AND a.atttypid = 'numeric'::regtype$$,
    'no table column in public is a bare numeric: amounts are inr, rates percent_rate'
);
SELECT ok(
    (
        SELECT bool_and(convalidated) FROM pg_catalog.pg_constraint
        WHERE contypid IN ('public.inr'::regtype, 'public.percent_rate'::regtype)
    ),
    'the money rules are validated against every stored row'
);

-- NaN, Infinity and negative money ----------------------------------------------------------
SELECT throws_ok(
    $$UPDATE public.medicine_inventory SET price = 'NaN', mrp = 'NaN'
      WHERE id = 'f9100000-0000-4000-8000-000000000001'$$,
    '23514',
    'value for domain inr violates check constraint "inr_is_finite"',
    'a price and MRP of NaN are refused'
);
SELECT throws_ok(
    $$UPDATE public.medicine_inventory SET mrp = 'Infinity'
      WHERE id = 'f9100000-0000-4000-8000-000000000001'$$,
    '23514',
    'value for domain inr violates check constraint "inr_is_finite"',
    'an infinite MRP is refused by name'
);
SELECT throws_ok(
    $$UPDATE public.medicine_inventory SET price = -0.01
      WHERE id = 'f9100000-0000-4000-8000-000000000001'$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative price is refused by the domain'
);
SELECT throws_ok(
    $$INSERT INTO public.lab_pricing (test_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9200000-0000-4000-8000-000000000001', 'b9100000-0000-4000-8000-000000000001',
              'd9100000-0000-4000-8000-000000000001', 'NaN', 100)$$,
    '23514',
    'value for domain inr violates check constraint "inr_is_finite"',
    'a lab price of NaN is refused'
);
SELECT throws_ok(
    $$UPDATE public.orders SET net_amount = 'NaN', gross_amount = 'NaN'
      WHERE id = 'd9100000-0000-4000-8000-0000000000aa'$$,
    '23514',
    'value for domain inr violates check constraint "inr_is_finite"',
    'an order total of NaN is refused, even for the table owner'
);
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('NANCOUPON', 'FLAT', 'NaN', now(), now() + interval '1 day')$$,
    '23514',
    'value for domain inr violates check constraint "inr_is_finite"',
    'a coupon worth NaN is refused'
);
SELECT throws_ok(
    $$SELECT 'NaN'::public.inr$$,
    '23514',
    'value for domain inr violates check constraint "inr_is_finite"',
    'NaN cannot even be cast to inr'
);
SELECT lives_ok(
    $$SELECT 99999999.99::public.inr, 0::public.inr$$,
    'zero and large finite amounts are money'
);
SELECT throws_ok(
    $$SELECT 10000000000::public.inr$$,
    '23514',
    'value for domain inr violates check constraint "inr_within_ten_thousand_crore"',
    'ten thousand crore is more than one amount may be, refused by name'
);
SELECT throws_ok(
    $$SELECT 1.005::public.inr$$,
    '23514',
    'value for domain inr violates check constraint "inr_whole_paise"',
    'a fraction of a paisa is refused, never rounded'
);
SELECT throws_ok(
    $$SELECT 12.345::public.percent_rate$$,
    '23514',
    'value for domain percent_rate violates check constraint "percent_rate_in_hundredths"',
    'a rate with three decimals is refused'
);

-- Rates -------------------------------------------------------------------------------------
SELECT throws_ok(
    $$UPDATE public.vendors SET commission_rate = 'NaN'
      WHERE id = 'b9100000-0000-4000-8000-000000000001'$$,
    '23514',
    'value for domain percent_rate violates check constraint "percent_rate_between_0_and_100"',
    'a commission of NaN percent is refused'
);
SELECT throws_ok(
    $$UPDATE public.vendors SET commission_rate = 100.01
      WHERE id = 'b9100000-0000-4000-8000-000000000001'$$,
    '23514',
    'value for domain percent_rate violates check constraint "percent_rate_between_0_and_100"',
    'a commission above 100% is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification)
      VALUES ('3006', 'x', 'NaN', 'NaN', 'NaN', '2030-01-01', 'n/2030')$$,
    '23514',
    'value for domain percent_rate violates check constraint "percent_rate_between_0_and_100"',
    'a GST slab of NaN percent is refused'
);

-- Refunds: the amount is money at the call ---------------------------------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9100000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.request_refund('e9100000-0000-4000-8000-0000000000aa', 'NaN', 'broken')$$,
    '23514',
    'value for domain public.inr violates check constraint "inr_is_finite"',
    'a refund of NaN is refused before it is compared with what was paid'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e9100000-0000-4000-8000-0000000000aa', 'Infinity', 'x')$$,
    '23514',
    'value for domain public.inr violates check constraint "inr_is_finite"',
    'a refund of Infinity is refused'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e9100000-0000-4000-8000-0000000000aa', 10000000, 'x')$$,
    'OM030',
    'refund of 10000000 for order item e9100000-0000-4000-8000-0000000000aa refused: 0.00 of '
    || 'the 40.00 paid is already refunded or pending, 40.00 is left',
    'a refund of 1,00,00,000 on a 40.00 line is refused'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e9100000-0000-4000-8000-0000000000aa', -5, 'x')$$,
    '23514',
    'value for domain public.inr violates check constraint "inr_not_negative"',
    'a negative refund is refused'
);
SELECT lives_ok(
    $$SELECT public.request_refund('e9100000-0000-4000-8000-0000000000aa', 40.00, 'damaged')$$,
    'a refund of the whole 40.00 paid is accepted'
);
RESET ROLE;

-- Quantities --------------------------------------------------------------------------------
INSERT INTO public.carts (id, profile_id) VALUES
('c9100000-0000-4000-8000-0000000000c1', 'a9100000-0000-4000-8000-000000000001');
SELECT throws_ok(
    $$INSERT INTO public.cart_items (cart_id, service_catalog_id, qty)
      VALUES ('c9100000-0000-4000-8000-0000000000c1',
              '59100000-0000-4000-8000-000000000001', 1001)$$,
    '23514',
    'new row for relation "cart_items" violates check constraint "cart_items_qty_at_most_1000"',
    'more than 1,000 units on a cart line are refused by name'
);
SELECT throws_ok(
    $$INSERT INTO public.cart_items (cart_id, service_catalog_id, qty)
      VALUES ('c9100000-0000-4000-8000-0000000000c1',
              '59100000-0000-4000-8000-000000000001', 3000000000)$$,
    '22003',
    'integer out of range',
    'a quantity that is not even an integer is refused by its type'
);
SELECT lives_ok(
    $$INSERT INTO public.cart_items (cart_id, service_catalog_id, qty)
      VALUES ('c9100000-0000-4000-8000-0000000000c1',
              '59100000-0000-4000-8000-000000000001', 1000)$$,
    '1,000 units are accepted'
);
SELECT throws_ok(
    $$UPDATE public.medicine_inventory SET stock_qty = 1000001
      WHERE id = 'f9100000-0000-4000-8000-000000000001'$$,
    '23514',
    'new row for relation "medicine_inventory" violates check constraint '
    || '"medicine_inventory_stock_at_most_1000000"',
    'a stock above 10,00,000 units is refused by name'
);
SELECT throws_ok(
    $$INSERT INTO public.availability_slots (
          service_catalog_id, vendor_id, start_time, end_time, capacity)
      VALUES ('59100000-0000-4000-8000-000000000001', 'b9100000-0000-4000-8000-000000000001',
              now() + interval '1 day', now() + interval '1 day 1 hour', 10001)$$,
    '23514',
    'new row for relation "availability_slots" violates check constraint '
    || '"availability_slots_capacity_at_most_10000"',
    'a slot of more than 10,000 seats is refused by name'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
          gst_rate, supplier_state_code, service_snapshot)
      VALUES ('d9100000-0000-4000-8000-0000000000aa', '59100000-0000-4000-8000-000000000001',
              'b9100000-0000-4000-8000-000000000001', 1001, 0, 0, '3004', 5, '29',
              '{"name": "x", "service_type": "MEDICINE", "version": 1, "price": 0,
                "vendor_id": "b9100000-0000-4000-8000-000000000001"}')$$,
    '23514',
    'new row for relation "order_items" violates check constraint "order_items_qty_at_most_1000"',
    'an order line of more than 1,000 units is refused by name'
);

-- A sold line above its MRP is refused -------------------------------------------------------
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
          gst_rate, cgst, sgst, supplier_state_code, service_snapshot)
      VALUES ('d9100000-0000-4000-8000-0000000000aa', '59100000-0000-4000-8000-000000000001',
              'b9100000-0000-4000-8000-000000000001', 1, 42.00, 40.00, '3004', 5, 1.00, 1.00,
              '29', '{"name": "x", "service_type": "MEDICINE", "version": 1, "price": 42.00,
                      "mrp": 40.00, "vendor_id": "b9100000-0000-4000-8000-000000000001"}')$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_inclusive_price_within_mrp"',
    'a line charging 42.00 for a pack with an MRP of 40.00 is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.order_items (
          order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
          gst_rate, cgst, sgst, supplier_state_code, service_snapshot)
      VALUES ('d9100000-0000-4000-8000-0000000000aa', '59100000-0000-4000-8000-000000000001',
              'b9100000-0000-4000-8000-000000000001', 1, 40.00, 40.00, '3004', 5, 1.00, 1.00,
              '29', '{"name": "x", "service_type": "MEDICINE", "version": 1, "price": 40.00,
                      "mrp": 40.00, "vendor_id": "b9100000-0000-4000-8000-000000000001"}')$$,
    '23514',
    'new row for relation "order_items" violates check constraint '
    || '"order_items_tax_amounts_match_rate_and_basis"',
    'GST added on top of a 40.00 price (40.00 + 1.00 + 1.00) is refused'
);

SELECT * FROM finish();
ROLLBACK;
