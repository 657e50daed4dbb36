-- Who moves what on an order (changes record_payment, orders_payment_ref_unique,
-- orders_completed_only_when_paid, order_moves_by_role, order_ownership_fixed), tried as an
-- attacker would: the order's patient, another patient, another vendor's staff, a VIEWER, an
-- admin and the backend each try to move status, payment and ownership directly.
BEGIN;
SELECT plan(44);

-- Fixtures: patients P1, P2; vendor V1 (owner, STAFF writer, VIEWER) and vendor V2 (owner);
-- an admin. Orders of P1 with a V1 line: O1 PENDING, O3 OUT_FOR_DELIVERY unpaid (cash on
-- delivery), O4 PENDING; O2 of P2 with a V2 line. A booking on O1's line.
INSERT INTO auth.users (id, email)
SELECT
    ('a9a00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@moves.in' AS email
FROM generate_series(1, 7) AS g (n);
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    ('a9a00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'Moves user ' || g.n AS full_name,
    r.id AS role_id
FROM generate_series(1, 7) AS g (n)
INNER JOIN public.roles AS r
    ON r.name = CASE
        WHEN g.n IN (1, 2) THEN 'PATIENT'
        WHEN g.n = 7 THEN 'ADMIN'
        WHEN g.n IN (3, 6) THEN 'VENDOR_ADMIN'
        ELSE 'STAFF'
    END;
INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES
(
    'b9a00000-0000-4000-8000-000000000001', 'Moves Lab One', 'DIAGNOSTIC_LAB',
    'a9a00000-0000-4000-8000-000000000003', TRUE
),
(
    'b9a00000-0000-4000-8000-000000000002', 'Moves Lab Two', 'DIAGNOSTIC_LAB',
    'a9a00000-0000-4000-8000-000000000006', TRUE
);
INSERT INTO public.vendor_staff (vendor_id, user_id, access_level) VALUES
('b9a00000-0000-4000-8000-000000000001', 'a9a00000-0000-4000-8000-000000000004', 'STAFF'),
('b9a00000-0000-4000-8000-000000000001', 'a9a00000-0000-4000-8000-000000000005', 'VIEWER');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e9a00000-0000-4000-8000-000000000001', 'Moves CBC', 'CBC-MOVES', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES (
    'c9a00000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e9a00000-0000-4000-8000-000000000001'
);
INSERT INTO public.orders (
    id, profile_id, status, payment_status, delivery_address, delivery_state_code,
    gross_amount, net_amount
)
SELECT
    o.id,
    o.profile_id,
    o.status::public.order_status AS status,
    'AWAITING' AS payment_status,
    '{"line_1": "1 Tank Bund", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}'
        AS delivery_address,
    '36' AS delivery_state_code,
    300 AS gross_amount,
    300 AS net_amount
FROM (
    VALUES
    (
        'd9a00000-0000-4000-8000-000000000001'::uuid,
        'a9a00000-0000-4000-8000-000000000001'::uuid, 'PENDING'
    ),
    ('d9a00000-0000-4000-8000-000000000002', 'a9a00000-0000-4000-8000-000000000002', 'PENDING'),
    (
        'd9a00000-0000-4000-8000-000000000003', 'a9a00000-0000-4000-8000-000000000001',
        'OUT_FOR_DELIVERY'
    ),
    ('d9a00000-0000-4000-8000-000000000004', 'a9a00000-0000-4000-8000-000000000001', 'PENDING')
) AS o (id, profile_id, status);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, service_snapshot, supplier_state_code
)
SELECT
    i.id,
    i.order_id,
    'c9a00000-0000-4000-8000-000000000001' AS service_catalog_id,
    i.vendor_id,
    1 AS qty,
    300 AS unit_price,
    300 AS taxable_value,
    '9993' AS hsn_code,
    0 AS gst_rate,
    jsonb_build_object(
        'name', 'Moves CBC', 'service_type', 'LAB_TEST', 'version', 1, 'price', 300,
        'vendor_id', i.vendor_id
    ) AS service_snapshot,
    '36' AS supplier_state_code
FROM (
    VALUES
    (
        'e9a10000-0000-4000-8000-000000000001'::uuid,
        'd9a00000-0000-4000-8000-000000000001'::uuid,
        'b9a00000-0000-4000-8000-000000000001'::uuid
    ),
    (
        'e9a10000-0000-4000-8000-000000000002', 'd9a00000-0000-4000-8000-000000000002',
        'b9a00000-0000-4000-8000-000000000002'
    ),
    (
        'e9a10000-0000-4000-8000-000000000003', 'd9a00000-0000-4000-8000-000000000003',
        'b9a00000-0000-4000-8000-000000000001'
    ),
    (
        'e9a10000-0000-4000-8000-000000000004', 'd9a00000-0000-4000-8000-000000000004',
        'b9a00000-0000-4000-8000-000000000001'
    )
) AS i (id, order_id, vendor_id);
INSERT INTO public.service_bookings (id, order_item_id, patient_id) VALUES (
    'f9a00000-0000-4000-8000-000000000001', 'e9a10000-0000-4000-8000-000000000001',
    'a9a00000-0000-4000-8000-000000000001'
);

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
GRANT EXECUTE ON FUNCTION pg_temp.affected(text) TO authenticated, service_role;

-- The payment path is the backend's alone.
SELECT ok(
    has_function_privilege(
        'service_role', 'public.record_payment(uuid, public.payment_status, text, numeric)',
        'EXECUTE'
    )
    AND NOT has_function_privilege(
        'authenticated', 'public.record_payment(uuid, public.payment_status, text, numeric)',
        'EXECUTE'
    )
    AND NOT has_function_privilege(
        'anon', 'public.record_payment(uuid, public.payment_status, text, numeric)', 'EXECUTE'
    ),
    'record_payment is executable by service_role only'
);
SELECT col_is_unique('public', 'orders', 'payment_ref', 'orders.payment_ref is unique');

-- P1, the order's patient ------------------------------------------------------------------
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9a00000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$UPDATE public.orders SET payment_status = 'PAID', payment_ref = 'pay_self'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM090',
    'the payment of order d9a00000-0000-4000-8000-000000000001 is recorded only by the payment '
    || 'gateway (record_payment) or a refund, not by an update',
    'the patient cannot mark their own order PAID'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM091',
    'a patient does not move their order d9a00000-0000-4000-8000-000000000001 from PENDING to '
    || 'CONFIRMED',
    'the patient cannot confirm their own order'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'COMPLETED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000003'$$,
    'OM091',
    'a patient does not move their order d9a00000-0000-4000-8000-000000000003 from '
    || 'OUT_FOR_DELIVERY to COMPLETED',
    'the patient cannot complete their own order'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CANCELLED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM091',
    'a patient does not move their order d9a00000-0000-4000-8000-000000000001 from PENDING to '
    || 'CANCELLED',
    'the patient cannot cancel by an update either (cancel_order gives stock and seats back)'
);
SELECT throws_ok(
    $$UPDATE public.orders SET profile_id = 'a9a00000-0000-4000-8000-000000000002'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM093',
    'cannot change profile_id of orders d9a00000-0000-4000-8000-000000000001: who it belongs '
    || 'to is fixed once the order is placed',
    'the patient cannot hand their order to another patient'
);
SELECT is(
    pg_temp.affected($$UPDATE public.orders SET status = 'CANCELLED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000002'$$),
    0,
    'the patient cannot move another patient''s order (0 rows)'
);
SELECT is(
    (SELECT status::text FROM public.cancel_order('d9a00000-0000-4000-8000-000000000004')),
    'CANCELLED',
    'the patient cancels through cancel_order'
);
RESET ROLE;

-- V1's VIEWER, V2's owner, V1's STAFF writer --------------------------------------------------
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9a00000-0000-4000-8000-000000000005", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM092',
    'only staff who may write for a vendor with lines in order '
    || 'd9a00000-0000-4000-8000-000000000001 move it from PENDING to CONFIRMED',
    'a VIEWER of the order''s vendor sees the order but cannot move it'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9a00000-0000-4000-8000-000000000006", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected($$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$),
    0,
    'another vendor''s owner cannot move an order without its lines (0 rows)'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9a00000-0000-4000-8000-000000000004", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$UPDATE public.orders SET payment_status = 'PAID', payment_ref = 'pay_vendor'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM090',
    'the payment of order d9a00000-0000-4000-8000-000000000001 is recorded only by the payment '
    || 'gateway (record_payment) or a refund, not by an update',
    'the vendor''s staff cannot mark an order PAID'
);
SELECT throws_ok(
    $$UPDATE public.orders SET payment_ref = 'pay_vendor'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM090',
    NULL,
    'nor write a gateway reference'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'the vendor''s STAFF writer moves its order PENDING -> CONFIRMED'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'COMPLETED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000003'$$,
    '23514',
    'new row for relation "orders" violates check constraint "orders_completed_only_when_paid"',
    'an unpaid order out for delivery cannot be completed'
);
SELECT throws_ok(
    $$UPDATE public.orders SET profile_id = 'a9a00000-0000-4000-8000-000000000002'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM093',
    NULL,
    'the vendor cannot change whose order it is'
);
RESET ROLE;

-- The admin: may move the status for support, never the payment or the patient.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9a00000-0000-4000-8000-000000000007", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$UPDATE public.orders SET payment_status = 'PAID', payment_ref = 'pay_admin'
      WHERE id = 'd9a00000-0000-4000-8000-000000000002'$$,
    'OM090',
    NULL,
    'an admin cannot mark an order PAID by an update'
);
SELECT throws_ok(
    $$UPDATE public.orders SET profile_id = 'a9a00000-0000-4000-8000-000000000001'
      WHERE id = 'd9a00000-0000-4000-8000-000000000002'$$,
    'OM093',
    NULL,
    'an admin cannot change whose order it is'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000002'$$,
    'an admin may move an order''s status (support)'
);
RESET ROLE;

-- The backend: record_payment is the payment path ------------------------------------------
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SET LOCAL ROLE service_role;
SELECT throws_ok(
    $$UPDATE public.orders SET payment_status = 'PAID', payment_ref = 'pay_direct'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM090',
    NULL,
    'even service_role does not move payment by an update'
);
SELECT throws_ok(
    $$UPDATE public.orders SET profile_id = 'a9a00000-0000-4000-8000-000000000002'
      WHERE id = 'd9a00000-0000-4000-8000-000000000001'$$,
    'OM093',
    NULL,
    'service_role cannot change whose order it is'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET patient_id = 'a9a00000-0000-4000-8000-000000000002'
      WHERE id = 'f9a00000-0000-4000-8000-000000000001'$$,
    'OM093',
    'cannot change patient_id of service_bookings f9a00000-0000-4000-8000-000000000001: who it '
    || 'belongs to is fixed once the order is placed',
    'service_role cannot move a booking to another patient'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET order_item_id = 'e9a10000-0000-4000-8000-000000000003'
      WHERE id = 'f9a00000-0000-4000-8000-000000000001'$$,
    'OM093',
    NULL,
    'service_role cannot move a booking to another order line'
);
SELECT throws_ok(
    $$SELECT public.record_payment('d9a00000-0000-4000-8000-000000000001', 'PAID', 'pay_T1', 299)$$,
    'OM095',
    'payment pay_T1 of order d9a00000-0000-4000-8000-000000000001 captured 299, but the '
    || 'order''s net amount is 300',
    'a payment of another amount does not mark the order PAID'
);
SELECT throws_ok(
    $$SELECT public.record_payment('d9a00000-0000-4000-8000-000000000001', 'PAID', ' ', 300)$$,
    '22023',
    'the payment of order d9a00000-0000-4000-8000-000000000001 needs the gateway''s payment '
    || 'reference',
    'PAID needs the gateway reference'
);
SELECT throws_ok(
    $$SELECT public.record_payment('d9a00000-0000-4000-8000-0000000000ff', 'PAID', 'pay_T1', 300)$$,
    'OM094',
    'order d9a00000-0000-4000-8000-0000000000ff not found',
    'an unknown order is refused'
);
SELECT throws_ok(
    $$SELECT public.record_payment(
        'd9a00000-0000-4000-8000-000000000001', 'REFUNDED', 'pay_T1', 300)$$,
    '22023',
    'record_payment records PAID or FAILED, not REFUNDED',
    'REFUNDED comes from the refund path, not record_payment'
);
SELECT results_eq(
    $$SELECT payment_status::text, payment_ref
      FROM public.record_payment('d9a00000-0000-4000-8000-000000000001', 'PAID', 'pay_T1', 300)$$,
    $$VALUES ('PAID', 'pay_T1')$$,
    'the gateway''s webhook marks the order PAID with its reference'
);
SELECT results_eq(
    $$SELECT payment_status::text, payment_ref
      FROM public.record_payment('d9a00000-0000-4000-8000-000000000001', 'PAID', 'pay_T1', 300)$$,
    $$VALUES ('PAID', 'pay_T1')$$,
    'a webhook delivered twice changes nothing'
);
SELECT throws_ok(
    $$SELECT public.record_payment('d9a00000-0000-4000-8000-000000000001', 'PAID', 'pay_T9', 300)$$,
    'OM097',
    'order d9a00000-0000-4000-8000-000000000001 is already paid with payment pay_T1; payment '
    || 'pay_T9 is a second payment',
    'a second payment of a paid order is refused'
);
SELECT throws_ok(
    $$SELECT public.record_payment('d9a00000-0000-4000-8000-000000000002', 'PAID', 'pay_T1', 300)$$,
    'OM096',
    'payment pay_T1 already belongs to order d9a00000-0000-4000-8000-000000000001 and cannot '
    || 'also pay order d9a00000-0000-4000-8000-000000000002',
    'one gateway payment cannot mark two orders PAID'
);
SELECT results_eq(
    $$SELECT payment_status::text FROM public.record_payment(
        'd9a00000-0000-4000-8000-000000000002', 'FAILED', NULL)$$,
    $$VALUES ('FAILED')$$,
    'a failed payment is recorded without a reference'
);
SELECT throws_ok(
    $$SELECT public.record_payment('d9a00000-0000-4000-8000-000000000002', 'PAID', 'pay_T2', 300)$$,
    'OM021',
    'order d9a00000-0000-4000-8000-000000000002 payment cannot move from FAILED to PAID',
    'a failed order is not paid later (a new order is)'
);
-- Cash on delivery: the courier's collection is recorded, then the order completes.
SELECT lives_ok(
    $$SELECT public.record_payment(
        'd9a00000-0000-4000-8000-000000000003', 'PAID', 'cod_rcpt_0001', 300)$$,
    'the cash collected on delivery is recorded with its remittance receipt'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9a00000-0000-4000-8000-000000000004", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'COMPLETED'
      WHERE id = 'd9a00000-0000-4000-8000-000000000003'$$,
    'once paid, the vendor completes the order'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET patient_id = 'a9a00000-0000-4000-8000-000000000002'
      WHERE id = 'f9a00000-0000-4000-8000-000000000001'$$,
    'OM060',
    NULL,
    'signed-in users still get OM060 for a booking''s patient (service_booking_guards first)'
);
RESET ROLE;

-- The owner (migrations, the SQL editor) cannot change ownership either; a direct INSERT of
-- a reference another order holds breaks the unique constraint.
SELECT throws_ok(
    $$UPDATE public.orders SET profile_id = 'a9a00000-0000-4000-8000-000000000002'
      WHERE id = 'd9a00000-0000-4000-8000-000000000003'$$,
    'OM093',
    NULL,
    'the owner cannot change whose order it is'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, payment_status, payment_ref, delivery_address, delivery_state_code,
          gross_amount, net_amount
      ) VALUES ('a9a00000-0000-4000-8000-000000000002', 'PAID', 'pay_T1',
       '{"line_1": "2 Tank Bund", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 0, 0)$$,
    '23505',
    'duplicate key value violates unique constraint "orders_payment_ref_key"',
    'a second order with the same gateway reference is refused by orders_payment_ref_key'
);
SELECT throws_ok(
    $$INSERT INTO public.orders (
          profile_id, status, delivery_address, delivery_state_code, gross_amount, net_amount
      ) VALUES ('a9a00000-0000-4000-8000-000000000002', 'COMPLETED',
       '{"line_1": "2 Tank Bund", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 0, 0)$$,
    '23514',
    'new row for relation "orders" violates check constraint "orders_completed_only_when_paid"',
    'a COMPLETED order cannot be written unpaid, by anyone'
);
SELECT lives_ok(
    $$INSERT INTO public.orders (
          profile_id, status, payment_status, payment_ref, delivery_address,
          delivery_state_code, gross_amount, net_amount
      ) VALUES ('a9a00000-0000-4000-8000-000000000002', 'COMPLETED', 'REFUNDED', 'pay_T3',
       '{"line_1": "2 Tank Bund", "city": "Hyderabad", "state_code": "36",
         "pincode": "500001"}', '36', 0, 0)$$,
    'a completed order refunded after payment stays COMPLETED'
);
SELECT results_eq(
    $$SELECT id::text, status::text, payment_status::text, coalesce(payment_ref, '-')
      FROM public.orders WHERE id::text LIKE 'd9a00000-%' ORDER BY id$$,
    $$VALUES
      ('d9a00000-0000-4000-8000-000000000001', 'CONFIRMED', 'PAID', 'pay_T1'),
      ('d9a00000-0000-4000-8000-000000000002', 'CONFIRMED', 'FAILED', '-'),
      ('d9a00000-0000-4000-8000-000000000003', 'COMPLETED', 'PAID', 'cod_rcpt_0001'),
      ('d9a00000-0000-4000-8000-000000000004', 'CANCELLED', 'AWAITING', '-')$$,
    'where the orders stand: only the allowed paths moved them'
);
SELECT results_eq(
    $$SELECT o.profile_id::text, b.patient_id::text, b.order_item_id::text
      FROM public.service_bookings AS b
      INNER JOIN public.order_items AS i ON b.order_item_id = i.id
      INNER JOIN public.orders AS o ON i.order_id = o.id
      WHERE b.id = 'f9a00000-0000-4000-8000-000000000001'$$,
    $$VALUES ('a9a00000-0000-4000-8000-000000000001', 'a9a00000-0000-4000-8000-000000000001',
              'e9a10000-0000-4000-8000-000000000001')$$,
    'the booking, its line and its order still name the same patient'
);
SELECT is(
    (
        SELECT tgname::text FROM pg_catalog.pg_trigger
        WHERE
            tgrelid = 'public.orders'::regclass AND NOT tgisinternal
            AND tgtype & 2 = 2 AND tgtype & 16 = 16
        ORDER BY tgname
        LIMIT 1
    ),
    'orders_authorize_moves',
    'who may move is decided before any other BEFORE UPDATE trigger of orders'
);
SELECT ok(
    NOT has_table_privilege('authenticated', 'private.payment_ref_conflicts', 'SELECT')
    AND NOT has_table_privilege('anon', 'private.payment_ref_conflicts', 'SELECT')
    AND has_table_privilege('service_role', 'private.payment_ref_conflicts', 'SELECT')
    AND NOT has_table_privilege('service_role', 'private.payment_ref_conflicts', 'INSERT'),
    'payment_ref_conflicts is read by the backend only and written by its migration only'
);

SELECT * FROM finish();
ROLLBACK;
