-- Group G, money back and money out: refunds and vendor_payouts.
BEGIN;
SELECT plan(44);

-- Fixtures: a patient, a vendor owner, a vendor, a lab test, one paid order with a line of
-- 1000 + 25 CGST + 25 SGST = 1050.
INSERT INTO auth.users (id, email) VALUES
('a7000000-0000-4000-8000-000000000001', 'asha@example.in'),
('a7000000-0000-4000-8000-000000000002', 'owner@example.in');
INSERT INTO public.profiles (id, full_name, role_id) VALUES
(
    'a7000000-0000-4000-8000-000000000001', 'Asha',
    (SELECT r.id FROM public.roles AS r WHERE r.name = 'PATIENT')
),
(
    'a7000000-0000-4000-8000-000000000002', 'Owner',
    (SELECT r.id FROM public.roles AS r WHERE r.name = 'VENDOR_ADMIN')
);
INSERT INTO public.vendors (id, name, type, owner_id) VALUES
(
    'b7000000-0000-4000-8000-000000000001', 'Vijaya Diagnostics', 'DIAGNOSTIC_LAB',
    'a7000000-0000-4000-8000-000000000002'
),
(
    'b7000000-0000-4000-8000-000000000002', 'Apollo Pharmacy', 'PHARMACY',
    'a7000000-0000-4000-8000-000000000002'
);
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e7100000-0000-4000-8000-000000000001', 'Complete blood count', 'CBC-T7', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES (
    '57000000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e7100000-0000-4000-8000-000000000001'
);
INSERT INTO public.orders (
    id, profile_id, payment_status, payment_ref, delivery_address, delivery_state_code,
    gross_amount, tax_amount, net_amount
) VALUES (
    'd7000000-0000-4000-8000-000000000001', 'a7000000-0000-4000-8000-000000000001',
    'PAID', 'pay_T7', '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36",
    "pincode": "500001"}', '36', 1050, 50, 1050
);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, cgst, sgst, service_snapshot, supplier_state_code
) VALUES (
    'e7000000-0000-4000-8000-000000000001', 'd7000000-0000-4000-8000-000000000001',
    '57000000-0000-4000-8000-000000000001', 'b7000000-0000-4000-8000-000000000001',
    1, 1050, 1000, '3004', 5, 25, 25,
    '{"name": "CBC", "service_type": "LAB_TEST", "version": 1, "price": 1050,
      "vendor_id": "b7000000-0000-4000-8000-000000000001"}',
    '36'
);

-- refunds: structure.
SELECT has_table('public', 'refunds', 'table refunds exists');
SELECT col_not_null('public', 'refunds', 'order_item_id', 'order_item_id is NOT NULL');
SELECT col_type_is('public', 'refunds', 'amount', 'inr', 'amount is money');
SELECT col_not_null('public', 'refunds', 'reason', 'reason is NOT NULL');
SELECT col_type_is('public', 'refunds', 'status', 'refund_status', 'status is the enum');
SELECT enum_has_labels(
    'public', 'refund_status', ARRAY['REQUESTED', 'APPROVED', 'REJECTED', 'PROCESSED', 'FAILED']
);
SELECT fk_ok('public', 'refunds', 'order_item_id', 'public', 'order_items', 'id');
SELECT has_index('public', 'refunds', 'refunds_order_item_id_idx', 'order_item_id');
SELECT trigger_is('public', 'refunds', 'refunds_set_updated_at', 'private', 'set_updated_at');
SELECT trigger_is(
    'public', 'refunds', 'refunds_within_item_total', 'private', 'refunds_within_item_total'
);
SELECT table_privs_are('public', 'refunds', 'authenticated', ARRAY['SELECT', 'INSERT']);

-- refunds: constraints.
SELECT lives_ok(
    $$INSERT INTO public.refunds (id, order_item_id, amount, reason)
      VALUES ('f7000000-0000-4000-8000-000000000001', 'e7000000-0000-4000-8000-000000000001',
              500, 'Sample could not be collected')$$,
    'a partial refund is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('e7000000-0000-4000-8000-000000000001', 0, 'Nothing')$$,
    '23514',
    'new row for relation "refunds" violates check constraint "refunds_amount_positive"',
    'a refund of 0 is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('e7000000-0000-4000-8000-000000000001', -10, 'Negative')$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative refund is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('e7000000-0000-4000-8000-000000000001', 10, ' ')$$,
    '23514',
    'new row for relation "refunds" violates check constraint "refunds_reason_not_blank"'
);
SELECT throws_ok(
    $$UPDATE public.refunds SET status = 'PROCESSED'
      WHERE id = 'f7000000-0000-4000-8000-000000000001'$$,
    '23514',
    'new row for relation "refunds" violates check constraint '
    || '"refunds_processed_has_time_and_ref"',
    'PROCESSED without processed_at and gateway reference is refused'
);
SELECT lives_ok(
    $$UPDATE public.refunds
      SET status = 'PROCESSED', processed_at = now(), gateway_ref = 'rfnd_T7'
      WHERE id = 'f7000000-0000-4000-8000-000000000001'$$,
    'PROCESSED with its time and reference is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('e7000000-0000-4000-8000-000000000001', 550.01, 'Too much')$$,
    '23514',
    'refunds of order item e7000000-0000-4000-8000-000000000001 would total 1050.01, more '
    || 'than the 1050.00 it cost',
    'refunds beyond the line total are refused'
);
SELECT lives_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason, status)
      VALUES ('e7000000-0000-4000-8000-000000000001', 900, 'Rejected claim', 'REJECTED')$$,
    'a rejected refund does not count against the line total'
);
SELECT lives_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('e7000000-0000-4000-8000-000000000001', 550, 'The rest')$$,
    'refunding exactly the rest of the line is accepted'
);

-- A multi-row INSERT with one bad row leaves no row behind.
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason, status) VALUES
      ('e7000000-0000-4000-8000-000000000001', 1, 'Good row', 'REJECTED'),
      ('e7000000-0000-4000-8000-000000000001', 0, 'Bad row', 'REJECTED')$$,
    '23514',
    'new row for relation "refunds" violates check constraint "refunds_amount_positive"'
);
SELECT is(
    (SELECT count(*) FROM public.refunds WHERE reason IN ('Good row', 'Bad row')),
    0::bigint,
    'the failed multi-row insert left no refund behind'
);

-- vendor_payouts: structure.
SELECT has_table('public', 'vendor_payouts', 'table vendor_payouts exists');
SELECT col_type_is('public', 'vendor_payouts', 'gross', 'inr', 'gross is money');
SELECT col_type_is(
    'public', 'vendor_payouts', 'commission', 'inr', 'commission is money'
);
SELECT col_type_is('public', 'vendor_payouts', 'net', 'inr', 'net is money');
SELECT col_type_is('public', 'vendor_payouts', 'period_start', 'date', 'period_start is a date');
SELECT col_type_is(
    'public', 'vendor_payouts', 'status', 'payout_status', 'status is the enum'
);
SELECT fk_ok('public', 'vendor_payouts', 'vendor_id', 'public', 'vendors', 'id');
SELECT has_index(
    'public', 'vendor_payouts', 'vendor_payouts_vendor_id_period_start_idx',
    ARRAY['vendor_id', 'period_start']
);
SELECT index_is_type(
    'public', 'vendor_payouts', 'vendor_payouts_no_overlapping_periods', 'gist'
);
SELECT table_privs_are('public', 'vendor_payouts', 'authenticated', ARRAY['SELECT']);

-- vendor_payouts: constraints.
SELECT lives_ok(
    $$INSERT INTO public.vendor_payouts (
          id, vendor_id, period_start, period_end, gross, commission, tcs, net
      ) VALUES (
          'f7100000-0000-4000-8000-000000000001', 'b7000000-0000-4000-8000-000000000001',
          '2026-11-01', '2026-11-15', 100000, 10000, 500, 89500
      )$$,
    'a payout for the first half of November is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.vendor_payouts (
          vendor_id, period_start, period_end, gross, commission, net
      ) VALUES (
          'b7000000-0000-4000-8000-000000000001', '2026-11-16', '2026-11-30', 1000, 100, 900
      )$$,
    'the adjacent period starting the next day is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_payouts (
          vendor_id, period_start, period_end, gross, commission, net
      ) VALUES (
          'b7000000-0000-4000-8000-000000000001', '2026-11-15', '2026-11-15', 10, 1, 9
      )$$,
    '23P01',
    'conflicting key value violates exclusion constraint '
    || '"vendor_payouts_no_overlapping_periods"',
    'a payout covering an already settled day is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.vendor_payouts (
          vendor_id, period_start, period_end, gross, commission, net
      ) VALUES (
          'b7000000-0000-4000-8000-000000000002', '2026-11-01', '2026-11-30', 10, 1, 9
      )$$,
    'the same period for another vendor is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.vendor_payouts (
          vendor_id, period_start, period_end, gross, commission, net, status
      ) VALUES (
          'b7000000-0000-4000-8000-000000000001', '2026-11-10', '2026-11-20', 10, 1, 9,
          'CANCELLED'
      )$$,
    'a CANCELLED payout does not hold its period'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_payouts (
          vendor_id, period_start, period_end, gross, commission, net
      ) VALUES (
          'b7000000-0000-4000-8000-000000000001', '2026-12-02', '2026-12-01', 10, 1, 9
      )$$,
    '23514',
    'new row for relation "vendor_payouts" violates check constraint '
    || '"vendor_payouts_period_end_not_before_start"'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_payouts (
          vendor_id, period_start, period_end, gross, commission, net
      ) VALUES (
          'b7000000-0000-4000-8000-000000000001', '2026-12-01', '2026-12-15', 1000, 100, 950
      )$$,
    '23514',
    'new row for relation "vendor_payouts" violates check constraint '
    || '"vendor_payouts_net_is_gross_less_commission_and_tcs"',
    'a net other than gross - commission - tcs is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_payouts (
          vendor_id, period_start, period_end, gross, commission, net
      ) VALUES (
          'b7000000-0000-4000-8000-000000000001', '2026-12-01', '2026-12-15', 100, 150, -50
      )$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative net payout is refused by the money domain'
);
SELECT throws_ok(
    $$UPDATE public.vendor_payouts SET status = 'PAID'
      WHERE id = 'f7100000-0000-4000-8000-000000000001'$$,
    '23514',
    'new row for relation "vendor_payouts" violates check constraint '
    || '"vendor_payouts_paid_has_time_and_ref"'
);
SELECT lives_ok(
    $$UPDATE public.vendor_payouts
      SET status = 'PAID', paid_at = now(), bank_ref = 'UTR2026112500001'
      WHERE id = 'f7100000-0000-4000-8000-000000000001'$$,
    'PAID with its time and bank reference is accepted'
);

-- A multi-row INSERT with one bad row leaves no row behind.
SELECT throws_ok(
    $$INSERT INTO public.vendor_payouts (
          vendor_id, period_start, period_end, gross, commission, net
      ) VALUES
      ('b7000000-0000-4000-8000-000000000002', '2026-12-01', '2026-12-15', 10, 1, 9),
      ('b7000000-0000-4000-8000-000000000002', '2026-12-16', '2026-12-31', 10, 1, 8)$$,
    '23514',
    'new row for relation "vendor_payouts" violates check constraint '
    || '"vendor_payouts_net_is_gross_less_commission_and_tcs"'
);
SELECT is(
    (
        SELECT count(*) FROM public.vendor_payouts
        WHERE vendor_id = 'b7000000-0000-4000-8000-000000000002' AND period_start >= '2026-12-01'
    ),
    0::bigint,
    'the failed multi-row insert left no payout behind'
);

SELECT * FROM finish();
ROLLBACK;
