-- Business rules (issue 7a): the order state machine (status and payment status), the
-- prescription rule, and cancel_order giving back stock and slot seats.
BEGIN;
SELECT plan(62);
SET LOCAL timezone = 'UTC';

-- Fixtures: patients P1, P2 (Bengaluru), the vendor owner; a pharmacy and a lab with a
-- branch each in Bengaluru; an OTC and a prescription-only (schedule H) medicine; a lab
-- test with a slot of capacity 3.
INSERT INTO auth.users (id, email)
SELECT
    ('a7c00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@t7c.in' AS email
FROM generate_series(1, 3) AS g (n);
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    ('a7c00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'User ' || g.n AS full_name,
    r.id AS role_id
FROM generate_series(1, 3) AS g (n)
INNER JOIN public.roles AS r
    ON r.name = CASE WHEN g.n = 3 THEN 'VENDOR_ADMIN' ELSE 'PATIENT' END;
INSERT INTO public.cities (id, state_code, name) VALUES
('c7c00000-0000-4000-8000-000000000001', '29', 'Bengaluru T7C');
INSERT INTO public.addresses (id, profile_id, line_1, city_id, pincode) VALUES
(
    'ad7c0000-0000-4000-8000-000000000001', 'a7c00000-0000-4000-8000-000000000001',
    '1 MG Road', 'c7c00000-0000-4000-8000-000000000001', '560001'
),
(
    'ad7c0000-0000-4000-8000-000000000002', 'a7c00000-0000-4000-8000-000000000002',
    '2 MG Road', 'c7c00000-0000-4000-8000-000000000001', '560001'
);
INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES
(
    'b7c00000-0000-4000-8000-000000000001', 'Pharmacy T7C', 'PHARMACY',
    'a7c00000-0000-4000-8000-000000000003', TRUE
),
(
    'b7c00000-0000-4000-8000-000000000002', 'Lab T7C', 'DIAGNOSTIC_LAB',
    'a7c00000-0000-4000-8000-000000000003', TRUE
);
-- Medicines are taxable: the pharmacy is registered for GST in Karnataka (check character
-- from an independent implementation of GSTN's algorithm); the lab's tests are exempt.
INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
('b7c00000-0000-4000-8000-000000000001', '29AAACT7777B1Z3', '2017-07-01');
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES
(
    'd7c00000-0000-4000-8000-000000000001', 'b7c00000-0000-4000-8000-000000000001',
    'c7c00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.59 12.97)'
),
(
    'd7c00000-0000-4000-8000-000000000002', 'b7c00000-0000-4000-8000-000000000002',
    'c7c00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.60 12.98)'
);
INSERT INTO public.medicine_master (
    id, name, hsn_code, prescription_required, drug_schedule
) VALUES
('e7c00000-0000-4000-8000-000000000001', 'Paracetamol T7C', '3004', FALSE, 'OTC'),
('e7c00000-0000-4000-8000-000000000002', 'Amoxicillin T7C', '3004', TRUE, 'H');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e7c10000-0000-4000-8000-000000000001', 'CBC T7C', 'CBC-T7C', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    '57c00000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
    'e7c00000-0000-4000-8000-000000000001'
),
(
    '57c00000-0000-4000-8000-000000000002', 'MEDICINE', 'medicine_master',
    'e7c00000-0000-4000-8000-000000000002'
),
(
    '57c00000-0000-4000-8000-000000000003', 'LAB_TEST', 'lab_tests',
    'e7c10000-0000-4000-8000-000000000001'
);
INSERT INTO public.medicine_inventory (
    id, medicine_id, vendor_id, branch_id, stock_qty, price, mrp
) VALUES
(
    '1c7c0000-0000-4000-8000-000000000001', 'e7c00000-0000-4000-8000-000000000001',
    'b7c00000-0000-4000-8000-000000000001', 'd7c00000-0000-4000-8000-000000000001',
    10, 20, 25
),
(
    '1c7c0000-0000-4000-8000-000000000002', 'e7c00000-0000-4000-8000-000000000002',
    'b7c00000-0000-4000-8000-000000000001', 'd7c00000-0000-4000-8000-000000000001',
    10, 80, 90
);
INSERT INTO public.lab_pricing (test_id, vendor_id, branch_id, price, mrp) VALUES
(
    'e7c10000-0000-4000-8000-000000000001', 'b7c00000-0000-4000-8000-000000000002',
    'd7c00000-0000-4000-8000-000000000002', 300, 400
);
INSERT INTO public.availability_slots (
    id, service_catalog_id, vendor_id, branch_id, start_time, end_time, capacity
) VALUES (
    '5a7c0000-0000-4000-8000-000000000001', '57c00000-0000-4000-8000-000000000003',
    'b7c00000-0000-4000-8000-000000000002', 'd7c00000-0000-4000-8000-000000000002',
    now() + interval '1 day', now() + interval '1 day 15 minutes', 3
);

-- One order per status and per payment status, written directly (inserts are not moves).
INSERT INTO public.orders (
    id, profile_id, status, payment_status, payment_ref, delivery_address,
    delivery_state_code, gross_amount, net_amount
)
SELECT
    s.id::uuid AS id,
    'a7c00000-0000-4000-8000-000000000002' AS profile_id,
    s.status::public.order_status AS status,
    s.payment::public.payment_status AS payment_status,
    CASE WHEN s.payment IN ('PAID', 'REFUNDED') THEN 'pay_t7c_' || right(s.id, 1) END
        AS payment_ref,
    '{"line_1": "2 MG Road", "city": "Bengaluru T7C", "state_code": "29", "pincode": "560001"}'
        AS delivery_address,
    '29' AS delivery_state_code,
    0 AS gross_amount,
    0 AS net_amount
FROM (
    VALUES
    ('07c00000-0000-4000-8000-000000000001', 'PENDING', 'AWAITING'),
    ('07c00000-0000-4000-8000-000000000002', 'CONFIRMED', 'PAID'),
    ('07c00000-0000-4000-8000-000000000003', 'PROCESSING', 'FAILED'),
    ('07c00000-0000-4000-8000-000000000004', 'OUT_FOR_DELIVERY', 'REFUNDED'),
    ('07c00000-0000-4000-8000-000000000005', 'COMPLETED', 'PAID'),
    ('07c00000-0000-4000-8000-000000000006', 'CANCELLED', 'AWAITING')
) AS s (id, status, payment);

-- Every illegal status move, with both states in the message ---------------------------
WITH m AS (
    SELECT unnest(enum_range(NULL::public.order_status))::text AS to_status
)

SELECT
    throws_ok(
        format($$UPDATE public.orders SET status = %L WHERE id = %L$$, m.to_status, o.id),
        'OM020',
        format('order %s cannot move from %s to %s', o.id, o.status, m.to_status),
        format('status %s -> %s is refused', o.status, m.to_status)
    )
FROM public.orders AS o
CROSS JOIN m
WHERE
    o.id::text LIKE '07c00000-%'
    AND m.to_status <> o.status::text
    AND o.status::text || '>' || m.to_status NOT IN (
        'PENDING>CONFIRMED', 'CONFIRMED>PROCESSING', 'PROCESSING>OUT_FOR_DELIVERY',
        'OUT_FOR_DELIVERY>COMPLETED', 'PENDING>CANCELLED', 'CONFIRMED>CANCELLED'
    )
ORDER BY o.id, m.to_status;

-- Every illegal payment move ------------------------------------------------------------
WITH m AS (
    SELECT unnest(enum_range(NULL::public.payment_status))::text AS to_payment
)

SELECT
    throws_ok(
        format(
            $$UPDATE public.orders SET payment_status = %L, payment_ref = 'pay_t7c' WHERE id = %L$$,
            m.to_payment, p.id
        ),
        'OM021',
        format('order %s payment cannot move from %s to %s', p.id, p.payment, m.to_payment),
        format('payment %s -> %s is refused', p.payment, m.to_payment)
    )
FROM (
    SELECT DISTINCT ON (o.payment_status)
        o.id,
        o.payment_status::text AS payment
    FROM public.orders AS o
    WHERE o.id::text LIKE '07c00000-%'
    ORDER BY o.payment_status, o.id
) AS p
CROSS JOIN m
WHERE
    m.to_payment <> p.payment
    AND p.payment || '>' || m.to_payment NOT IN (
        'AWAITING>PAID', 'AWAITING>FAILED', 'PAID>REFUNDED'
    )
ORDER BY p.payment, m.to_payment;

-- Legal moves -------------------------------------------------------------------------
SELECT lives_ok(
    $$UPDATE public.orders SET payment_status = 'PAID', payment_ref = 'pay_t7c_1'
      WHERE id = '07c00000-0000-4000-8000-000000000001'$$,
    'payment AWAITING -> PAID'
);
SELECT lives_ok(
    $$UPDATE public.orders SET payment_status = 'REFUNDED'
      WHERE id = '07c00000-0000-4000-8000-000000000001'$$,
    'payment PAID -> REFUNDED'
);
SELECT lives_ok(
    $$UPDATE public.orders SET payment_status = 'FAILED'
      WHERE id = '07c00000-0000-4000-8000-000000000006'$$,
    'payment AWAITING -> FAILED'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CANCELLED'
      WHERE id = '07c00000-0000-4000-8000-000000000002'$$,
    'status CONFIRMED -> CANCELLED'
);
SELECT lives_ok(
    $$UPDATE public.orders SET delivery_address = delivery_address
      WHERE id = '07c00000-0000-4000-8000-000000000005'$$,
    'an update that moves no state passes'
);

-- A prescription medicine waits for its prescription -----------------------------------
INSERT INTO public.carts (id, profile_id) VALUES
('0c7c0000-0000-4000-8000-000000000001', 'a7c00000-0000-4000-8000-000000000001');
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id) VALUES
(
    '0c7c0000-0000-4000-8000-000000000001', '57c00000-0000-4000-8000-000000000002', 2,
    'b7c00000-0000-4000-8000-000000000001', 'd7c00000-0000-4000-8000-000000000001'
);
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7c00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT isnt(set_config('t7c.rx', o.id::text, TRUE), NULL, 'P1 orders a schedule H medicine')
FROM public.place_order(
    '0c7c0000-0000-4000-8000-000000000001', 'ad7c0000-0000-4000-8000-000000000001',
    (
        SELECT q.net_amount
        FROM
            public.quote_cart(
                '0c7c0000-0000-4000-8000-000000000001', 'ad7c0000-0000-4000-8000-000000000001'
            ) AS q
    )
) AS o;
RESET ROLE;
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = current_setting('t7c.rx')::uuid$$,
    'OM022',
    format(
        'order %s holds prescription-only Amoxicillin T7C and has no prescription attached',
        current_setting('t7c.rx')
    ),
    'an Rx order cannot be confirmed without a prescription (OM022)'
);
INSERT INTO public.order_artifacts (order_id, type, file_url) VALUES
(
    current_setting('t7c.rx')::uuid, 'REPORT',
    'lab-reports/a7c00000-0000-4000-8000-000000000001/' || current_setting('t7c.rx')
    || '/report.pdf'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = current_setting('t7c.rx')::uuid$$,
    'OM022',
    format(
        'order %s holds prescription-only Amoxicillin T7C and has no prescription attached',
        current_setting('t7c.rx')
    ),
    'a report is not a prescription'
);
-- The prescription is uploaded (as the Storage API stores it), attached, and verified by
-- the pharmacy's owner (change prescription_gate: an attached row alone no longer opens it).
INSERT INTO storage.objects (bucket_id, name) VALUES
('prescriptions', 'a7c00000-0000-4000-8000-000000000001/rx.jpg');
INSERT INTO public.order_artifacts (id, order_id, type, file_url) VALUES
(
    'a7c10000-0000-4000-8000-000000000001', current_setting('t7c.rx')::uuid, 'PRESC',
    'prescriptions/a7c00000-0000-4000-8000-000000000001/rx.jpg'
);
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7c00000-0000-4000-8000-000000000003", "role": "authenticated"}',
    TRUE
);
SELECT public.check_prescription('a7c10000-0000-4000-8000-000000000001', 'VERIFIED');
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7c00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
RESET ROLE;
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = current_setting('t7c.rx')::uuid$$,
    'with its prescription uploaded and verified the Rx order is confirmed (PENDING -> '
    || 'CONFIRMED)'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'PROCESSING'
      WHERE id = current_setting('t7c.rx')::uuid$$,
    'status CONFIRMED -> PROCESSING'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
      WHERE id = current_setting('t7c.rx')::uuid$$,
    'status PROCESSING -> OUT_FOR_DELIVERY'
);
-- An order is completed once paid (change orders_completed_only_when_paid): the payment is
-- recorded through the payment path first.
SET LOCAL ROLE service_role;
SELECT public.record_payment(o.id, 'PAID', 'pay_t7c_rx', o.net_amount)
FROM public.orders AS o
WHERE o.id = current_setting('t7c.rx')::uuid;
RESET ROLE;
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'COMPLETED'
      WHERE id = current_setting('t7c.rx')::uuid$$,
    'status OUT_FOR_DELIVERY -> COMPLETED'
);
SELECT is(
    (
        SELECT stock_qty
        FROM public.medicine_inventory
        WHERE id = '1c7c0000-0000-4000-8000-000000000002'
    ),
    8,
    'the completed order keeps its stock taken'
);

-- An OTC order needs no prescription; an Rx order may be cancelled without one.
INSERT INTO public.carts (id, profile_id) VALUES
('0c7c0000-0000-4000-8000-000000000002', 'a7c00000-0000-4000-8000-000000000001');
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id) VALUES
(
    '0c7c0000-0000-4000-8000-000000000002', '57c00000-0000-4000-8000-000000000001', 1,
    'b7c00000-0000-4000-8000-000000000001', 'd7c00000-0000-4000-8000-000000000001'
);
SET LOCAL ROLE authenticated;
SELECT isnt(set_config('t7c.otc', o.id::text, TRUE), NULL, 'P1 orders an OTC medicine')
FROM public.place_order(
    '0c7c0000-0000-4000-8000-000000000002', 'ad7c0000-0000-4000-8000-000000000001',
    (
        SELECT q.net_amount
        FROM
            public.quote_cart(
                '0c7c0000-0000-4000-8000-000000000002', 'ad7c0000-0000-4000-8000-000000000001'
            ) AS q
    )
) AS o;
RESET ROLE;
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = current_setting('t7c.otc')::uuid$$,
    'an OTC order is confirmed without a prescription'
);
INSERT INTO public.carts (id, profile_id) VALUES
('0c7c0000-0000-4000-8000-000000000003', 'a7c00000-0000-4000-8000-000000000001');
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id) VALUES
(
    '0c7c0000-0000-4000-8000-000000000003', '57c00000-0000-4000-8000-000000000002', 1,
    'b7c00000-0000-4000-8000-000000000001', 'd7c00000-0000-4000-8000-000000000001'
);
SET LOCAL ROLE authenticated;
SELECT isnt(set_config('t7c.rx2', o.id::text, TRUE), NULL, 'P1 orders another Rx medicine')
FROM public.place_order(
    '0c7c0000-0000-4000-8000-000000000003', 'ad7c0000-0000-4000-8000-000000000001',
    (
        SELECT q.net_amount
        FROM
            public.quote_cart(
                '0c7c0000-0000-4000-8000-000000000003', 'ad7c0000-0000-4000-8000-000000000001'
            ) AS q
    )
) AS o;
SELECT
    is(
        o.status, 'CANCELLED'::public.order_status,
        'the patient cancels the Rx order without a prescription (PENDING -> CANCELLED)'
    )
FROM public.cancel_order(current_setting('t7c.rx2')::uuid) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT stock_qty
        FROM public.medicine_inventory
        WHERE id = '1c7c0000-0000-4000-8000-000000000002'
    ),
    8,
    'cancelling gave the Rx stock back (8 - 1 + 1)'
);

-- Cancelling releases stock and slot seats ----------------------------------------------
INSERT INTO public.carts (id, profile_id) VALUES
('0c7c0000-0000-4000-8000-000000000004', 'a7c00000-0000-4000-8000-000000000001');
INSERT INTO public.cart_items (
    cart_id, service_catalog_id, qty, vendor_id, branch_id, slot_id
) VALUES
(
    '0c7c0000-0000-4000-8000-000000000004', '57c00000-0000-4000-8000-000000000001', 3,
    'b7c00000-0000-4000-8000-000000000001', 'd7c00000-0000-4000-8000-000000000001', NULL
),
(
    '0c7c0000-0000-4000-8000-000000000004', '57c00000-0000-4000-8000-000000000003', 2,
    'b7c00000-0000-4000-8000-000000000002', 'd7c00000-0000-4000-8000-000000000002',
    '5a7c0000-0000-4000-8000-000000000001'
);
SET LOCAL ROLE authenticated;
SELECT
    isnt(
        set_config('t7c.mixed', o.id::text, TRUE), NULL,
        'P1 orders medicine and two seats of a lab test'
    )
FROM public.place_order(
    '0c7c0000-0000-4000-8000-000000000004', 'ad7c0000-0000-4000-8000-000000000001',
    (
        SELECT q.net_amount
        FROM
            public.quote_cart(
                '0c7c0000-0000-4000-8000-000000000004', 'ad7c0000-0000-4000-8000-000000000001'
            ) AS q
    )
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[
            (
                SELECT stock_qty
                FROM public.medicine_inventory
                WHERE id = '1c7c0000-0000-4000-8000-000000000001'
            ),
            (
                SELECT booked_count
                FROM public.availability_slots
                WHERE id = '5a7c0000-0000-4000-8000-000000000001'
            ),
            (
                SELECT count(*)::integer FROM public.service_bookings AS b
                INNER JOIN public.order_items AS i ON b.order_item_id = i.id
                WHERE
                    i.order_id = current_setting('t7c.mixed')::uuid
                    AND b.fulfillment_status = 'SCHEDULED'
            )
        ]
    ),
    ARRAY[6, 2, 2],
    'before cancelling: stock 10 - 1 - 3, two seats, two scheduled bookings'
);
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7c00000-0000-4000-8000-000000000002", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    format($$SELECT public.cancel_order(%L)$$, current_setting('t7c.mixed')),
    'OM023',
    format('order %s not found', current_setting('t7c.mixed')),
    'another patient cannot cancel the order (OM023)'
);
SELECT throws_ok(
    $$SELECT public.cancel_order('00000000-0000-4000-8000-000000000000')$$,
    'OM023',
    'order 00000000-0000-4000-8000-000000000000 not found',
    'an unknown order is refused with OM023'
);
SELECT set_config('request.jwt.claims', '', TRUE);
SELECT throws_ok(
    format($$SELECT public.cancel_order(%L)$$, current_setting('t7c.mixed')),
    'OM023',
    format('order %s not found', current_setting('t7c.mixed')),
    'cancel_order needs a signed-in user'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7c00000-0000-4000-8000-000000000003", "role": "authenticated"}',
    TRUE
);
SELECT
    is(
        o.status, 'CANCELLED'::public.order_status,
        'the vendor''s owner cancels the order'
    )
FROM public.cancel_order(current_setting('t7c.mixed')::uuid) AS o;
SELECT throws_ok(
    format($$SELECT public.cancel_order(%L)$$, current_setting('t7c.mixed')),
    'OM020',
    format('order %s cannot move from CANCELLED to CANCELLED', current_setting('t7c.mixed')),
    'a cancelled order cannot be cancelled again (OM020)'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7c00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    format($$SELECT public.cancel_order(%L)$$, current_setting('t7c.rx')),
    'OM020',
    format('order %s cannot move from COMPLETED to CANCELLED', current_setting('t7c.rx')),
    'a completed order cannot be cancelled (OM020)'
);
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[
            (
                SELECT stock_qty
                FROM public.medicine_inventory
                WHERE id = '1c7c0000-0000-4000-8000-000000000001'
            ),
            (
                SELECT booked_count
                FROM public.availability_slots
                WHERE id = '5a7c0000-0000-4000-8000-000000000001'
            ),
            (
                SELECT version
                FROM public.availability_slots
                WHERE id = '5a7c0000-0000-4000-8000-000000000001'
            ),
            (
                SELECT count(*)::integer FROM public.service_bookings AS b
                INNER JOIN public.order_items AS i ON b.order_item_id = i.id
                WHERE
                    i.order_id = current_setting('t7c.mixed')::uuid
                    AND b.fulfillment_status = 'CANCELLED'
            )
        ]
    ),
    ARRAY[9, 0, 2, 2],
    'after cancelling: stock back to 9, seats released (version + 1), bookings CANCELLED'
);
SELECT ok(
    has_function_privilege('authenticated', 'public.cancel_order(uuid)', 'execute')
    AND NOT has_function_privilege('anon', 'public.cancel_order(uuid)', 'execute'),
    'authenticated (not anon) may call cancel_order'
);
SELECT ok(
    obj_description('private.orders_check_transition()'::regprocedure) ~ 'OM020.*OM021.*OM022',
    'the state machine documents its errors'
);

SELECT * FROM finish();
ROLLBACK;
