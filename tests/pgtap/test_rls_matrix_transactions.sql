-- Row level security matrix, groups F and G: carts, orders, bookings, files, money.
-- Each actor's reads and writes of their own rows and of others', as
-- docs/security.md states them.
BEGIN;
SELECT plan(47);

-- Fixtures: the matrix's shared users, vendors, orders and files, and the session's
-- pg_temp.seen(sql) / pg_temp.affected(sql) (tests/pgtap/000_test_helpers.sql).
-- Impersonation as PostgREST does it: SET LOCAL request.jwt.claims to the user's claims and
-- SET LOCAL ROLE authenticated (or anon, service_role); RESET ROLE between actors.
SELECT tests.rls_matrix_fixtures();

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
