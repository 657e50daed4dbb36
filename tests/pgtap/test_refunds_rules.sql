-- Refund rules: request_refund, the strengthened cap trigger, status moves and the
-- full-refund trigger that marks an order REFUNDED.
BEGIN;
SELECT plan(42);

-- Fixtures: patient Asha, another patient Ravi, an admin, a vendor owner and a vendor; a
-- PAID order with lines of 1050 (1000 + 25 + 25) and 210 (200 + 5 + 5); a second PAID order
-- with lines of 105 and 210; an unpaid order with one line of 105.
INSERT INTO auth.users (id, email) VALUES
('a7b10000-0000-4000-8000-000000000001', 'asha.r@example.in'),
('a7b10000-0000-4000-8000-000000000002', 'ravi.r@example.in'),
('a7b10000-0000-4000-8000-000000000003', 'admin.r@example.in'),
('a7b10000-0000-4000-8000-000000000004', 'owner.r@example.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.id,
    u.n,
    r.id AS role_id
FROM (
    VALUES
    ('a7b10000-0000-4000-8000-000000000001'::uuid, 'Asha', 'PATIENT'),
    ('a7b10000-0000-4000-8000-000000000002'::uuid, 'Ravi', 'PATIENT'),
    ('a7b10000-0000-4000-8000-000000000003'::uuid, 'Admin', 'ADMIN'),
    ('a7b10000-0000-4000-8000-000000000004'::uuid, 'Owner', 'VENDOR_ADMIN')
) AS u (id, n, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.vendors (id, name, type, owner_id) VALUES (
    'b7b10000-0000-4000-8000-000000000001', 'Refund Pharmacy', 'PHARMACY',
    'a7b10000-0000-4000-8000-000000000004'
);
INSERT INTO public.medicine_master (id, name, hsn_code) VALUES
('c7b10000-0000-4000-8000-000000000001', 'Refundol 500', '3004');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES (
    'c7b20000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
    'c7b10000-0000-4000-8000-000000000001'
);
INSERT INTO public.orders (
    id, profile_id, status, payment_status, payment_ref, delivery_address,
    delivery_state_code, gross_amount, tax_amount, net_amount
) VALUES
(
    'd7b10000-0000-4000-8000-000000000001', 'a7b10000-0000-4000-8000-000000000001',
    'COMPLETED', 'PAID', 'pay_R1', '{"line_1": "1 MG Road", "city": "Hyderabad",
    "state_code": "36", "pincode": "500001"}', '36', 1260, 60, 1260
),
(
    'd7b10000-0000-4000-8000-000000000002', 'a7b10000-0000-4000-8000-000000000001',
    'COMPLETED', 'PAID', 'pay_R2', '{"line_1": "1 MG Road", "city": "Hyderabad",
    "state_code": "36", "pincode": "500001"}', '36', 315, 15, 315
),
(
    'd7b10000-0000-4000-8000-000000000003', 'a7b10000-0000-4000-8000-000000000001',
    'PENDING', 'AWAITING', NULL, '{"line_1": "1 MG Road", "city": "Hyderabad",
    "state_code": "36", "pincode": "500001"}', '36', 105, 5, 105
);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, cgst, sgst, service_snapshot, supplier_state_code
)
SELECT
    l.id,
    l.order_id,
    'c7b20000-0000-4000-8000-000000000001' AS service_catalog_id,
    'b7b10000-0000-4000-8000-000000000001' AS vendor_id,
    l.qty,
    l.unit_price + 2 * l.tax / l.qty AS unit_price,
    l.qty * l.unit_price AS taxable_value,
    '3004' AS hsn_code,
    5 AS gst_rate,
    l.tax AS cgst,
    l.tax AS sgst,
    jsonb_build_object(
        'name', 'Refundol 500', 'service_type', 'MEDICINE', 'version', 1,
        'price', l.unit_price + 2 * l.tax / l.qty,
        'vendor_id', 'b7b10000-0000-4000-8000-000000000001'
    ) AS service_snapshot,
    '36' AS supplier_state_code
FROM (
    VALUES
    (
        'e7b10000-0000-4000-8000-000000000001'::uuid,
        'd7b10000-0000-4000-8000-000000000001'::uuid, 2, 500::numeric, 25::numeric
    ),
    (
        'e7b10000-0000-4000-8000-000000000002', 'd7b10000-0000-4000-8000-000000000001',
        1, 200, 5
    ),
    (
        'e7b10000-0000-4000-8000-000000000003', 'd7b10000-0000-4000-8000-000000000002',
        1, 100, 2.5
    ),
    (
        'e7b10000-0000-4000-8000-000000000004', 'd7b10000-0000-4000-8000-000000000002',
        1, 200, 5
    ),
    (
        'e7b10000-0000-4000-8000-000000000005', 'd7b10000-0000-4000-8000-000000000003',
        1, 100, 2.5
    )
) AS l (id, order_id, qty, unit_price, tax);

-- Structure.
SELECT has_function(
    'public', 'request_refund', ARRAY['uuid', 'numeric', 'text'], 'request_refund exists'
);
SELECT function_returns(
    'public', 'request_refund', ARRAY['uuid', 'numeric', 'text'], 'refunds'
);
SELECT is_definer('public', 'request_refund', ARRAY['uuid', 'numeric', 'text']);
SELECT ok(
    has_function_privilege(
        'authenticated', 'public.request_refund(uuid, numeric, text)', 'execute'
    )
    AND NOT has_function_privilege(
        'anon', 'public.request_refund(uuid, numeric, text)', 'execute'
    ),
    'authenticated may call request_refund, anon may not'
);
SELECT trigger_is(
    'public', 'refunds', 'refunds_status_moves', 'private', 'refunds_status_moves'
);
SELECT trigger_is(
    'public', 'refunds', 'refunds_mark_order_refunded', 'private', 'refunds_mark_order_refunded'
);

-- The patient asks, up to what was paid.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b10000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    (
        SELECT r.status::text
        FROM public.request_refund(
            'e7b10000-0000-4000-8000-000000000001', 300, 'One strip was damaged'
        ) AS r
    ),
    'REQUESTED',
    'the patient requests a partial refund; it starts REQUESTED'
);
SELECT lives_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000001', 700, 'More')$$,
    'a second request within what is left is accepted'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000001', 50.01, 'Over')$$,
    'OM030',
    'refund of 50.01 for order item e7b10000-0000-4000-8000-000000000001 refused: 1000.00 of '
    || 'the 1050.00 paid is already refunded or pending, 50.00 is left',
    'one paisa over what is left is refused with OM030 and the amounts'
);
SELECT lives_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000001', 50, 'The rest')$$,
    'exactly what is left is accepted'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000001', 0.01, 'Any')$$,
    'OM030',
    NULL,
    'nothing more can be asked once the line is fully claimed'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000005', 10, 'Unpaid')$$,
    'OM032',
    'order item e7b10000-0000-4000-8000-000000000005 cannot be refunded: its order''s '
    || 'payment is AWAITING',
    'a line of an unpaid order cannot be refunded'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000002', 0, 'Zero')$$,
    '22023', NULL, 'a zero amount is refused'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000002', 1.005, 'Paise')$$,
    '23514', 'value for domain public.inr violates check constraint "inr_whole_paise"',
    'an amount below the paisa is refused, never rounded'
);
SELECT throws_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000002', 10, ' ')$$,
    '22023', 'request_refund: the reason is blank', 'a blank reason is refused'
);
SELECT throws_ok(
    $$SELECT public.request_refund(NULL, 10, 'No line')$$,
    '22004', NULL, 'a NULL argument is refused'
);

-- Someone else's line looks missing; no user at all is refused; an admin may ask.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b10000-0000-4000-8000-000000000002", "role": "authenticated"}', TRUE
);
SELECT throws_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000002', 10, 'Not mine')$$,
    'P0002',
    'order item e7b10000-0000-4000-8000-000000000002 not found',
    'another patient cannot request a refund of the line'
);
SELECT set_config('request.jwt.claims', '', TRUE);
SELECT throws_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000002', 10, 'Nobody')$$,
    '42501',
    'request_refund needs a signed-in user or the service role',
    'a caller without a user is refused'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b10000-0000-4000-8000-000000000003", "role": "authenticated"}', TRUE
);
SELECT lives_ok(
    $$SELECT public.request_refund('e7b10000-0000-4000-8000-000000000002', 10, 'Goodwill')$$,
    'an admin may request a refund of any line'
);
RESET ROLE;
SELECT set_config('request.jwt.claims', '', TRUE);
SELECT is(
    (
        SELECT sum(amount)
        FROM public.refunds
        WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000001'
    ),
    1050.00,
    'the line''s refunds total exactly what was paid for it'
);

-- A direct INSERT cannot bypass the cap (the trigger locks and sums too).
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('e7b10000-0000-4000-8000-000000000001', 0.01, 'Direct')$$,
    '23514',
    'refunds of order item e7b10000-0000-4000-8000-000000000001 would total 1050.01, more '
    || 'than the 1050.00 it cost',
    'a direct insert beyond the paid amount is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('e7b10000-0000-4000-8000-000000000005', 1, 'Direct unpaid')$$,
    '23514',
    'order item e7b10000-0000-4000-8000-000000000005 belongs to order '
    || 'd7b10000-0000-4000-8000-000000000003 whose payment is AWAITING: nothing was paid '
    || 'to refund',
    'a direct insert on a line of an unpaid order is refused'
);

-- Status moves.
CREATE TEMPORARY TABLE t_refund ON COMMIT DROP AS
SELECT id FROM public.refunds
WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000002';
SELECT lives_ok(
    $$UPDATE public.refunds SET status = 'APPROVED' WHERE id = (SELECT id FROM t_refund)$$,
    'REQUESTED to APPROVED is allowed'
);
SELECT throws_ok(
    $$UPDATE public.refunds SET status = 'REQUESTED' WHERE id = (SELECT id FROM t_refund)$$,
    'OM031',
    NULL,
    'APPROVED back to REQUESTED is refused'
);
SELECT throws_ok(
    $$UPDATE public.refunds SET amount = 5 WHERE id = (SELECT id FROM t_refund)$$,
    'OM031',
    NULL,
    'the amount cannot change once APPROVED'
);
SELECT throws_ok(
    $$UPDATE public.refunds SET order_item_id = 'e7b10000-0000-4000-8000-000000000001'
      WHERE id = (SELECT id FROM t_refund)$$,
    'OM031',
    NULL,
    'a refund cannot move to another line'
);
SELECT lives_ok(
    $$UPDATE public.refunds SET status = 'FAILED' WHERE id = (SELECT id FROM t_refund)$$,
    'APPROVED to FAILED is allowed'
);
SELECT lives_ok(
    $$UPDATE public.refunds SET status = 'APPROVED' WHERE id = (SELECT id FROM t_refund)$$,
    'FAILED to APPROVED (a retry) is allowed'
);
SELECT lives_ok(
    $$UPDATE public.refunds SET status = 'PROCESSED', processed_at = now(), gateway_ref = 'rf_1'
      WHERE id = (SELECT id FROM t_refund)$$,
    'APPROVED to PROCESSED is allowed'
);
SELECT throws_matching(
    $$UPDATE public.refunds SET status = 'FAILED', processed_at = NULL
      WHERE id = (SELECT id FROM t_refund)$$,
    '^refund .* cannot move from PROCESSED to FAILED$',
    'PROCESSED is final'
);
SELECT throws_ok(
    $$UPDATE public.refunds SET status = 'FAILED', processed_at = NULL
      WHERE id = (SELECT id FROM t_refund)$$,
    'OM031', NULL, 'leaving PROCESSED raises OM031'
);
SELECT lives_ok(
    $$UPDATE public.refunds SET status = 'REJECTED'
      WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000001' AND amount = 50$$,
    'REQUESTED to REJECTED is allowed'
);
SELECT throws_ok(
    $$UPDATE public.refunds SET status = 'APPROVED'
      WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000001' AND amount = 50$$,
    'OM031', NULL, 'REJECTED is final'
);
SELECT lives_ok(
    $$UPDATE public.refunds SET amount = 40
      WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000001' AND amount = 300$$,
    'a REQUESTED refund may be corrected'
);

-- Full refund of every line moves the order's payment to REFUNDED.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b10000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT public.request_refund('e7b10000-0000-4000-8000-000000000003', 105, 'Whole line');
SELECT public.request_refund('e7b10000-0000-4000-8000-000000000004', 200, 'Most');
SELECT public.request_refund('e7b10000-0000-4000-8000-000000000004', 10, 'Rest');
RESET ROLE;
SELECT set_config('request.jwt.claims', '', TRUE);
SELECT is(
    (
        SELECT payment_status::text FROM public.orders
        WHERE id = 'd7b10000-0000-4000-8000-000000000002'
    ),
    'PAID',
    'requested (not yet processed) refunds leave the order PAID'
);
UPDATE public.refunds SET status = 'PROCESSED', processed_at = now(), gateway_ref = 'rf_2'
WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000003';
UPDATE public.refunds SET status = 'PROCESSED', processed_at = now(), gateway_ref = 'rf_3'
WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000004' AND amount = 200;
SELECT is(
    (
        SELECT payment_status::text FROM public.orders
        WHERE id = 'd7b10000-0000-4000-8000-000000000002'
    ),
    'PAID',
    'one line fully and one partly refunded: still PAID'
);
SELECT lives_ok(
    $$UPDATE public.refunds SET status = 'APPROVED'
      WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000004' AND amount = 10$$,
    'the last refund is approved'
);
SELECT is(
    (
        SELECT payment_status::text FROM public.orders
        WHERE id = 'd7b10000-0000-4000-8000-000000000002'
    ),
    'PAID',
    'an approved refund does not count as done'
);
UPDATE public.refunds SET status = 'PROCESSED', processed_at = now(), gateway_ref = 'rf_4'
WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000004' AND amount = 10;
SELECT is(
    (
        SELECT payment_status::text FROM public.orders
        WHERE id = 'd7b10000-0000-4000-8000-000000000002'
    ),
    'REFUNDED',
    'every line refunded in full: the order''s payment is REFUNDED'
);
SELECT is(
    (
        SELECT payment_status::text FROM public.orders
        WHERE id = 'd7b10000-0000-4000-8000-000000000001'
    ),
    'PAID',
    'the first order, with only one line refunded (and not processed), stays PAID'
);
SELECT throws_ok(
    $$INSERT INTO public.refunds (order_item_id, amount, reason)
      VALUES ('e7b10000-0000-4000-8000-000000000003', 0.01, 'After full refund')$$,
    '23514',
    NULL,
    'a refunded order''s line cannot be refunded again'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.refunds
        WHERE order_item_id = 'e7b10000-0000-4000-8000-000000000004' AND status = 'PROCESSED'
    ),
    2,
    'both refunds of the second line are PROCESSED'
);

SELECT * FROM finish();
ROLLBACK;
