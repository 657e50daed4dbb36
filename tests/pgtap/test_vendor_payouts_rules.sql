-- compute_vendor_payout: figures of a small fixture with known numbers, and its refusals.
BEGIN;
SELECT plan(21);

-- Fixtures: an admin, a patient, a vendor owner; vendor V (commission 10%) and vendor W.
-- October 2025 (India dates) for vendor V:
--   order A, 2025-10-05 COMPLETED PAID: a medicine line 2 x 500 = 1000 + 25 + 25 = 1050
--     with a PROCESSED refund of 210 and a REQUESTED one of 100 (not deducted); a lab line
--     (SAC 9993, exempt) of 600;
--   order D, 2025-09-30 19:00 UTC = 1 October 00:30 in India, COMPLETED PAID: 200 + 5 + 5;
--   outside: order B 2025-09-30 18:00 UTC (23:30 on 30 September in India), order C
--   2025-10-31 19:00 UTC (1 November in India), order E CONFIRMED, order F COMPLETED but
--   unpaid, and a line of vendor W in order A. Order F is a row from before change
--   orders_completed_only_when_paid, which a live database keeps while that constraint is
--   NOT VALID (its migration leaves it so when such rows exist): it is written with the
--   constraint dropped and then added back NOT VALID, as the migration would leave it.
-- Expected: gross = (1050 - 210) + 600 + 210 = 1650; net taxable = 1000 x 840 / 1050 + 600
-- + 200 = 1600; commission = 160.00; TCS = 0.5% of (800 + 200) = 5.00; net = 1485.00.
INSERT INTO auth.users (id, email) VALUES
('a7b20000-0000-4000-8000-000000000001', 'admin.p@example.in'),
('a7b20000-0000-4000-8000-000000000002', 'pat.p@example.in'),
('a7b20000-0000-4000-8000-000000000003', 'owner.p@example.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.id,
    u.n,
    r.id AS role_id
FROM (
    VALUES
    ('a7b20000-0000-4000-8000-000000000001'::uuid, 'Admin', 'ADMIN'),
    ('a7b20000-0000-4000-8000-000000000002'::uuid, 'Patient', 'PATIENT'),
    ('a7b20000-0000-4000-8000-000000000003'::uuid, 'Owner', 'VENDOR_ADMIN')
) AS u (id, n, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.vendors (id, name, type, owner_id, commission_rate) VALUES
(
    'b7b20000-0000-4000-8000-000000000001', 'Payout Pharmacy', 'PHARMACY',
    'a7b20000-0000-4000-8000-000000000003', 10
),
(
    'b7b20000-0000-4000-8000-000000000002', 'Other Pharmacy', 'PHARMACY',
    'a7b20000-0000-4000-8000-000000000003', 20
);
INSERT INTO public.medicine_master (id, name, hsn_code) VALUES
('c7b30000-0000-4000-8000-000000000001', 'Payoutol 650', '3004');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('c7b30000-0000-4000-8000-000000000002', 'Lipid profile', 'LIPID-P7B', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    'c7b40000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
    'c7b30000-0000-4000-8000-000000000001'
),
(
    'c7b40000-0000-4000-8000-000000000002', 'LAB_TEST', 'lab_tests',
    'c7b30000-0000-4000-8000-000000000002'
);
-- Orders of October 2025, sold by 1.0.0 with GST added on top (tax_basis EXCLUSIVE): a
-- payout counts what was paid for a line, taxable value plus tax, whichever the basis.
ALTER TABLE public.orders DROP CONSTRAINT orders_completed_only_when_paid;
INSERT INTO public.orders (
    id, profile_id, status, payment_status, payment_ref, delivery_address,
    delivery_state_code, gross_amount, tax_amount, net_amount, created_at, tax_basis
)
SELECT
    o.id,
    'a7b20000-0000-4000-8000-000000000002' AS profile_id,
    o.status::public.order_status,
    o.pay::public.payment_status,
    CASE WHEN o.pay = 'PAID' THEN 'pay_' || o.tag END AS payment_ref,
    '{"line_1": "2 Park St", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}'
        AS delivery_address,
    '36' AS delivery_state_code,
    0 AS gross_amount,
    0 AS tax_amount,
    0 AS net_amount,
    o.at::timestamptz AS created_at,
    'EXCLUSIVE'::public.tax_basis AS tax_basis
FROM (
    VALUES
    (
        'd7b20000-0000-4000-8000-00000000000a'::uuid, 'A', 'COMPLETED', 'PAID',
        '2025-10-05 10:00:00+05:30'
    ),
    (
        'd7b20000-0000-4000-8000-00000000000b', 'B', 'COMPLETED', 'PAID',
        '2025-09-30 18:00:00+00'
    ),
    (
        'd7b20000-0000-4000-8000-00000000000c', 'C', 'COMPLETED', 'PAID',
        '2025-10-31 19:00:00+00'
    ),
    (
        'd7b20000-0000-4000-8000-00000000000d', 'D', 'COMPLETED', 'PAID',
        '2025-09-30 19:00:00+00'
    ),
    (
        'd7b20000-0000-4000-8000-00000000000e', 'E', 'CONFIRMED', 'PAID',
        '2025-10-10 10:00:00+05:30'
    ),
    (
        'd7b20000-0000-4000-8000-00000000000f', 'F', 'COMPLETED', 'AWAITING',
        '2025-10-11 10:00:00+05:30'
    )
) AS o (id, tag, status, pay, at);
ALTER TABLE public.orders
ADD CONSTRAINT orders_completed_only_when_paid CHECK (
    status <> 'COMPLETED' OR payment_status IN ('PAID', 'REFUNDED')
) NOT VALID;
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, cgst, sgst, service_snapshot, tax_basis
)
SELECT
    l.id,
    l.order_id,
    l.catalog_id AS service_catalog_id,
    l.vendor_id,
    l.qty,
    l.unit_price,
    l.qty * l.unit_price AS taxable_value,
    l.hsn AS hsn_code,
    l.rate AS gst_rate,
    l.tax AS cgst,
    l.tax AS sgst,
    jsonb_build_object(
        'name', 'Fixture line', 'service_type', 'MEDICINE', 'version', 1,
        'price', l.unit_price, 'vendor_id', l.vendor_id
    ) AS service_snapshot,
    'EXCLUSIVE'::public.tax_basis AS tax_basis
FROM (
    VALUES
    (
        'e7b20000-0000-4000-8000-000000000001'::uuid,
        'd7b20000-0000-4000-8000-00000000000a'::uuid,
        'c7b40000-0000-4000-8000-000000000001'::uuid,
        'b7b20000-0000-4000-8000-000000000001'::uuid, 2, 500::numeric, '3004', 5::numeric,
        25::numeric
    ),
    (
        'e7b20000-0000-4000-8000-000000000002', 'd7b20000-0000-4000-8000-00000000000a',
        'c7b40000-0000-4000-8000-000000000002', 'b7b20000-0000-4000-8000-000000000001',
        1, 600, '9993', 0, 0
    ),
    (
        'e7b20000-0000-4000-8000-000000000003', 'd7b20000-0000-4000-8000-00000000000a',
        'c7b40000-0000-4000-8000-000000000001', 'b7b20000-0000-4000-8000-000000000002',
        1, 700, '3004', 5, 17.5
    ),
    (
        'e7b20000-0000-4000-8000-000000000004', 'd7b20000-0000-4000-8000-00000000000b',
        'c7b40000-0000-4000-8000-000000000001', 'b7b20000-0000-4000-8000-000000000001',
        1, 100, '3004', 5, 2.5
    ),
    (
        'e7b20000-0000-4000-8000-000000000005', 'd7b20000-0000-4000-8000-00000000000c',
        'c7b40000-0000-4000-8000-000000000001', 'b7b20000-0000-4000-8000-000000000001',
        1, 100, '3004', 5, 2.5
    ),
    (
        'e7b20000-0000-4000-8000-000000000006', 'd7b20000-0000-4000-8000-00000000000d',
        'c7b40000-0000-4000-8000-000000000001', 'b7b20000-0000-4000-8000-000000000001',
        1, 200, '3004', 5, 5
    ),
    (
        'e7b20000-0000-4000-8000-000000000007', 'd7b20000-0000-4000-8000-00000000000e',
        'c7b40000-0000-4000-8000-000000000001', 'b7b20000-0000-4000-8000-000000000001',
        1, 100, '3004', 5, 2.5
    ),
    (
        'e7b20000-0000-4000-8000-000000000008', 'd7b20000-0000-4000-8000-00000000000f',
        'c7b40000-0000-4000-8000-000000000001', 'b7b20000-0000-4000-8000-000000000001',
        1, 100, '3004', 5, 2.5
    )
) AS l (id, order_id, catalog_id, vendor_id, qty, unit_price, hsn, rate, tax);
INSERT INTO public.refunds (order_item_id, amount, reason, status, processed_at, gateway_ref)
VALUES
('e7b20000-0000-4000-8000-000000000001', 210, 'Damaged strip', 'PROCESSED', now(), 'rf_p1'),
('e7b20000-0000-4000-8000-000000000001', 100, 'Pending claim', 'REQUESTED', NULL, NULL);

-- Structure and grants.
SELECT has_function(
    'public', 'compute_vendor_payout', ARRAY['uuid', 'date', 'date'],
    'compute_vendor_payout exists'
);
SELECT function_returns(
    'public', 'compute_vendor_payout', ARRAY['uuid', 'date', 'date'], 'vendor_payouts'
);
SELECT ok(
    NOT has_function_privilege(
        'anon', 'public.compute_vendor_payout(uuid, date, date)', 'execute'
    ),
    'anon may not call compute_vendor_payout'
);

-- Only admins and the service role.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b20000-0000-4000-8000-000000000003", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.compute_vendor_payout(
        'b7b20000-0000-4000-8000-000000000001', '2025-10-01', '2025-10-31')$$,
    '42501',
    'compute_vendor_payout is for admins and the service role only',
    'a vendor owner cannot compute its own payout'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b20000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
CREATE TEMPORARY TABLE t_payout ON COMMIT DROP AS
SELECT *
FROM public.compute_vendor_payout(
    'b7b20000-0000-4000-8000-000000000001', '2025-10-01', '2025-10-31'
);
RESET ROLE;
SELECT set_config('request.jwt.claims', '', TRUE);

-- The figures.
SELECT is(
    (SELECT gross::numeric FROM t_payout), 1650.00,
    'gross: paid lines less processed refunds'
);
SELECT is(
    (SELECT commission::numeric FROM t_payout), 160.00,
    'commission: 10% of net taxable 1600'
);
SELECT is(
    (SELECT tcs::numeric FROM t_payout), 5.00,
    'TCS: 0.5% of net taxable supplies (not exempt)'
);
SELECT is(
    (SELECT net::numeric FROM t_payout), 1485.00,
    'net = gross - commission - tcs'
);
SELECT is((SELECT status::text FROM t_payout), 'PENDING', 'the payout starts PENDING');
SELECT is(
    (
        SELECT count(*)::integer FROM public.vendor_payouts
        WHERE vendor_id = 'b7b20000-0000-4000-8000-000000000001'
    ),
    1,
    'the payout row was inserted'
);

-- Refusals.
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SET LOCAL ROLE service_role;
SELECT throws_ok(
    $$SELECT public.compute_vendor_payout(
        'b7b20000-0000-4000-8000-000000000001', '2025-10-31', '2025-11-15')$$,
    'OM040',
    NULL,
    'a period overlapping the October payout by one day is refused'
);
SELECT throws_matching(
    $$SELECT public.compute_vendor_payout(
        'b7b20000-0000-4000-8000-000000000001', '2025-09-15', '2025-10-15')$$,
    '^vendor b7b20000-0000-4000-8000-000000000001 already has payout .* \(PENDING\) for '
    || '2025-10-01 to 2025-10-31, which overlaps 2025-09-15 to 2025-10-15$',
    'the overlap error names the existing payout and both periods'
);
SELECT throws_ok(
    $$SELECT public.compute_vendor_payout(
        'b7b20000-0000-4000-8000-000000000001', '2025-11-30', '2025-11-01')$$,
    'OM041',
    'payout period ends on 2025-11-01, before it starts on 2025-11-30',
    'a period ending before it starts is refused'
);
SELECT throws_ok(
    $$SELECT public.compute_vendor_payout(
        'b7b20000-0000-4000-8000-000000000001', current_date - 3, current_date + 1)$$,
    'OM042',
    NULL,
    'a period that is not over yet is refused'
);
SELECT throws_ok(
    $$SELECT public.compute_vendor_payout(
        'b7b20000-0000-4000-8000-0000000000ff', '2025-10-01', '2025-10-31')$$,
    'P0002',
    'vendor b7b20000-0000-4000-8000-0000000000ff not found',
    'an unknown vendor is refused'
);
SELECT throws_ok(
    $$SELECT public.compute_vendor_payout(NULL, '2025-10-01', '2025-10-31')$$,
    '22004',
    NULL,
    'a NULL argument is refused'
);
SELECT lives_ok(
    $$SELECT public.compute_vendor_payout(
        'b7b20000-0000-4000-8000-000000000001', '2025-11-01', '2025-11-30')$$,
    'the service role settles the next, adjacent period'
);
RESET ROLE;
SELECT is(
    (
        SELECT gross FROM public.vendor_payouts
        WHERE
            vendor_id = 'b7b20000-0000-4000-8000-000000000001'
            AND period_start = '2025-11-01'
    )::numeric,
    105.00,
    'November holds only order C (1 November in India)'
);

-- A cancelled payout frees its period; the other vendor is settled on its own.
UPDATE public.vendor_payouts SET status = 'CANCELLED'
WHERE id = (SELECT id FROM t_payout);
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SELECT is(
    (
        SELECT p.net
        FROM public.compute_vendor_payout(
            'b7b20000-0000-4000-8000-000000000001', '2025-10-01', '2025-10-31'
        ) AS p
    )::numeric,
    1485.00,
    'after cancelling, the period can be settled again (same figures)'
);
SELECT is(
    (
        SELECT ARRAY[p.gross, p.commission, p.tcs, p.net]::numeric[]
        FROM public.compute_vendor_payout(
            'b7b20000-0000-4000-8000-000000000002', '2025-10-01', '2025-10-31'
        ) AS p
    ),
    ARRAY[735.00, 140.00, 3.50, 591.50],
    'vendor W: 735 paid, commission 20% of 700, TCS 0.5% of 700'
);
SELECT throws_ok(
    $$INSERT INTO public.vendor_payouts
          (vendor_id, period_start, period_end, gross, commission, net)
      VALUES ('b7b20000-0000-4000-8000-000000000002', '2025-10-31', '2025-11-01', 0, 0, 0)$$,
    '23P01',
    NULL,
    'a direct insert of an overlapping period still meets the exclusion constraint'
);

SELECT * FROM finish();
ROLLBACK;
