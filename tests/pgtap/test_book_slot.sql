-- Business rules (issue 7a): slot booking with optimistic locking (book_slot), the version
-- trigger on direct updates, and cancel_booking giving the seat back.
BEGIN;
SELECT plan(30);
SET LOCAL timezone = 'UTC';

-- Fixtures: a patient, the vendor's owner, a staff member, an admin and another patient;
-- a lab with one branch in Bengaluru; a lab test with three slots (one already started).
INSERT INTO auth.users (id, email) VALUES
('a7a00000-0000-4000-8000-000000000001', 'p1@t7a.in'),
('a7a00000-0000-4000-8000-000000000002', 'owner@t7a.in'),
('a7a00000-0000-4000-8000-000000000003', 'staff@t7a.in'),
('a7a00000-0000-4000-8000-000000000004', 'admin@t7a.in'),
('a7a00000-0000-4000-8000-000000000005', 'p2@t7a.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.id,
    u.name,
    r.id AS role_id
FROM (
    VALUES
    ('a7a00000-0000-4000-8000-000000000001'::uuid, 'Asha', 'PATIENT'),
    ('a7a00000-0000-4000-8000-000000000002'::uuid, 'Owner', 'VENDOR_ADMIN'),
    ('a7a00000-0000-4000-8000-000000000003'::uuid, 'Staff', 'STAFF'),
    ('a7a00000-0000-4000-8000-000000000004'::uuid, 'Admin', 'ADMIN'),
    ('a7a00000-0000-4000-8000-000000000005'::uuid, 'Ravi', 'PATIENT')
) AS u (id, name, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.cities (id, state_code, name) VALUES
('c7a00000-0000-4000-8000-000000000001', '29', 'Bengaluru T7A');
INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES
(
    'b7a00000-0000-4000-8000-000000000001', 'Lab T7A', 'DIAGNOSTIC_LAB',
    'a7a00000-0000-4000-8000-000000000002', TRUE
);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES
(
    'd7a00000-0000-4000-8000-000000000001', 'b7a00000-0000-4000-8000-000000000001',
    'c7a00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.59 12.97)'
);
INSERT INTO public.vendor_staff (vendor_id, user_id) VALUES
('b7a00000-0000-4000-8000-000000000001', 'a7a00000-0000-4000-8000-000000000003');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e7a00000-0000-4000-8000-000000000001', 'Blood sugar T7A', 'BS-T7A', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    '57a00000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e7a00000-0000-4000-8000-000000000001'
);
INSERT INTO public.availability_slots (
    id, service_catalog_id, vendor_id, branch_id, start_time, end_time, capacity
) VALUES
(
    '5a7a0000-0000-4000-8000-000000000001', '57a00000-0000-4000-8000-000000000001',
    'b7a00000-0000-4000-8000-000000000001', 'd7a00000-0000-4000-8000-000000000001',
    now() + interval '2 days', now() + interval '2 days 30 minutes', 2
),
(
    '5a7a0000-0000-4000-8000-000000000002', '57a00000-0000-4000-8000-000000000001',
    'b7a00000-0000-4000-8000-000000000001', 'd7a00000-0000-4000-8000-000000000001',
    '2026-01-01 10:00+00', '2026-01-01 10:30+00', 2
),
(
    '5a7a0000-0000-4000-8000-000000000003', '57a00000-0000-4000-8000-000000000001',
    'b7a00000-0000-4000-8000-000000000001', 'd7a00000-0000-4000-8000-000000000001',
    now() + interval '3 days', now() + interval '3 days 30 minutes', 1
);

SELECT has_function('public', 'book_slot', ARRAY['uuid', 'integer'], 'book_slot exists');
SELECT has_function('public', 'cancel_booking', ARRAY['uuid'], 'cancel_booking exists');
SELECT ok(
    NOT has_function_privilege('anon', 'public.book_slot(uuid, integer)', 'execute')
    AND NOT has_function_privilege('anon', 'public.cancel_booking(uuid)', 'execute')
    AND NOT has_function_privilege(
        'authenticated', 'private.book_slot_seats(uuid, integer, integer)', 'execute'
    ),
    'anon may not book or cancel, nobody but service_role calls book_slot_seats'
);
SELECT ok(
    has_function_privilege('authenticated', 'public.book_slot(uuid, integer)', 'execute')
    AND has_function_privilege('authenticated', 'public.cancel_booking(uuid)', 'execute'),
    'authenticated may book and cancel'
);

-- The version trigger: any direct update raises the version by exactly one.
UPDATE public.availability_slots SET booked_count = 1
WHERE id = '5a7a0000-0000-4000-8000-000000000003';
SELECT is(
    (
        SELECT version
        FROM public.availability_slots
        WHERE id = '5a7a0000-0000-4000-8000-000000000003'
    ),
    1,
    'a direct update of booked_count bumps the version by one'
);
UPDATE public.availability_slots SET version = 40, booked_count = 0
WHERE id = '5a7a0000-0000-4000-8000-000000000003';
SELECT is(
    (
        SELECT version
        FROM public.availability_slots
        WHERE id = '5a7a0000-0000-4000-8000-000000000003'
    ),
    2,
    'an update cannot set the version: it becomes old + 1 whatever is written'
);

-- book_slot as the vendor's staff.
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7a00000-0000-4000-8000-000000000003", "role": "authenticated"}',
    TRUE
);
SELECT
    is(
        ARRAY[b.booked_count, b.version], ARRAY[1, 1],
        'book_slot takes a seat and raises the version by exactly one'
    )
FROM public.book_slot('5a7a0000-0000-4000-8000-000000000001', 0) AS b;
SELECT throws_ok(
    $$SELECT public.book_slot('5a7a0000-0000-4000-8000-000000000001', 0)$$,
    'OM001',
    'slot 5a7a0000-0000-4000-8000-000000000001 changed since you read it (version 0, now 1)',
    'a stale version is refused with OM001'
);
SELECT throws_ok(
    $$SELECT public.book_slot('00000000-0000-4000-8000-000000000000', 0)$$,
    'OM003',
    'slot 00000000-0000-4000-8000-000000000000 does not exist',
    'an unknown slot is refused with OM003'
);
SELECT throws_ok(
    $$SELECT public.book_slot('5a7a0000-0000-4000-8000-000000000002', 0)$$,
    'OM004',
    'slot 5a7a0000-0000-4000-8000-000000000002 started at 2026-01-01 10:00:00+00 and can no '
    || 'longer be booked',
    'a slot that has started is refused with OM004'
);

-- The owner takes the last seat with the version it re-read; then the slot is full.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7a00000-0000-4000-8000-000000000002", "role": "authenticated"}',
    TRUE
);
SELECT
    is(
        ARRAY[b.booked_count, b.version], ARRAY[2, 2],
        'the vendor''s owner books with the re-read version'
    )
FROM public.book_slot('5a7a0000-0000-4000-8000-000000000001', 1) AS b;
SELECT throws_ok(
    $$SELECT public.book_slot('5a7a0000-0000-4000-8000-000000000001', 2)$$,
    'OM002',
    'slot 5a7a0000-0000-4000-8000-000000000001 is full (2 of 2 seats booked, 1 requested)',
    'a full slot is refused with OM002 even with the current version'
);
SELECT throws_ok(
    $$SELECT public.book_slot('5a7a0000-0000-4000-8000-000000000001')$$,
    'OM002',
    'slot 5a7a0000-0000-4000-8000-000000000001 is full (2 of 2 seats booked, 1 requested)',
    'without a version a full slot is OM002 too: no version means "while seats remain"'
);

-- An admin may book any vendor's slot; a patient may not book directly; nor may anon.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7a00000-0000-4000-8000-000000000004", "role": "authenticated"}',
    TRUE
);
SELECT
    is(
        ARRAY[b.booked_count, b.version], ARRAY[1, 3],
        'an admin books a slot in one request, without reading its version'
    )
FROM public.book_slot('5a7a0000-0000-4000-8000-000000000003') AS b;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7a00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.book_slot('5a7a0000-0000-4000-8000-000000000001', 2)$$,
    '42501',
    'only the staff of vendor b7a00000-0000-4000-8000-000000000001 or an admin may book its '
    || 'slots directly',
    'a patient cannot take seats without an order'
);
SELECT set_config('request.jwt.claims', '', TRUE);
SELECT throws_ok(
    $$SELECT public.book_slot('5a7a0000-0000-4000-8000-000000000001', 2)$$,
    '42501',
    'sign in to book a slot',
    'book_slot needs a signed-in user'
);
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[booked_count, version] FROM public.availability_slots
        WHERE id = '5a7a0000-0000-4000-8000-000000000001'
    ),
    ARRAY[2, 2],
    'refused bookings changed nothing: no overbooking'
);

-- cancel_booking: two bookings of the patient in the full slot.
INSERT INTO public.orders (
    id, profile_id, delivery_address, delivery_state_code, gross_amount, net_amount
) VALUES (
    '07a00000-0000-4000-8000-000000000001', 'a7a00000-0000-4000-8000-000000000001',
    '{"line_1": "1 MG Road", "city": "Bengaluru T7A", "state_code": "29", "pincode": "560001"}',
    '29', 800, 800
);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, service_snapshot, supplier_state_code
) VALUES (
    '0a7a0000-0000-4000-8000-000000000001', '07a00000-0000-4000-8000-000000000001',
    '57a00000-0000-4000-8000-000000000001', 'b7a00000-0000-4000-8000-000000000001',
    2, 400, 800, '9993', 0,
    '{"name": "Blood sugar T7A", "service_type": "LAB_TEST", "version": 1, '
    '"vendor_id": "b7a00000-0000-4000-8000-000000000001", "price": 400}',
    '36'
);
INSERT INTO public.service_bookings (
    id, order_item_id, patient_id, slot_id, fulfillment_status
) VALUES
(
    '0b7a0000-0000-4000-8000-000000000001', '0a7a0000-0000-4000-8000-000000000001',
    'a7a00000-0000-4000-8000-000000000001', '5a7a0000-0000-4000-8000-000000000001',
    'SCHEDULED'
),
(
    '0b7a0000-0000-4000-8000-000000000002', '0a7a0000-0000-4000-8000-000000000001',
    'a7a00000-0000-4000-8000-000000000001', '5a7a0000-0000-4000-8000-000000000001',
    'SCHEDULED'
),
(
    '0b7a0000-0000-4000-8000-000000000003', '0a7a0000-0000-4000-8000-000000000001',
    'a7a00000-0000-4000-8000-000000000001', NULL, 'COMPLETED'
);

SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7a00000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT
    is(
        b.fulfillment_status, 'CANCELLED',
        'the patient cancels a booking'
    )
FROM public.cancel_booking('0b7a0000-0000-4000-8000-000000000001') AS b;
SELECT throws_ok(
    $$SELECT public.cancel_booking('0b7a0000-0000-4000-8000-000000000001')$$,
    'OM006',
    'booking 0b7a0000-0000-4000-8000-000000000001 is CANCELLED and can no longer be cancelled',
    'a cancelled booking cannot be cancelled again (OM006)'
);
SELECT throws_ok(
    $$SELECT public.cancel_booking('0b7a0000-0000-4000-8000-000000000003')$$,
    'OM006',
    'booking 0b7a0000-0000-4000-8000-000000000003 is COMPLETED and can no longer be cancelled',
    'a completed booking cannot be cancelled (OM006)'
);
SELECT throws_ok(
    $$SELECT public.cancel_booking('00000000-0000-4000-8000-000000000000')$$,
    'OM005',
    'booking 00000000-0000-4000-8000-000000000000 not found',
    'an unknown booking is refused with OM005'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7a00000-0000-4000-8000-000000000005", "role": "authenticated"}',
    TRUE
);
SELECT throws_ok(
    $$SELECT public.cancel_booking('0b7a0000-0000-4000-8000-000000000002')$$,
    'OM005',
    'booking 0b7a0000-0000-4000-8000-000000000002 not found',
    'another patient''s booking is refused with OM005 (existence not revealed)'
);
SELECT set_config('request.jwt.claims', '', TRUE);
SELECT throws_ok(
    $$SELECT public.cancel_booking('0b7a0000-0000-4000-8000-000000000002')$$,
    'OM005',
    'booking 0b7a0000-0000-4000-8000-000000000002 not found',
    'cancel_booking needs a signed-in user'
);
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[booked_count, version] FROM public.availability_slots
        WHERE id = '5a7a0000-0000-4000-8000-000000000001'
    ),
    ARRAY[1, 3],
    'cancelling gave the seat back and raised the version by one'
);
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7a00000-0000-4000-8000-000000000003", "role": "authenticated"}',
    TRUE
);
SELECT lives_ok(
    $$SELECT public.cancel_booking('0b7a0000-0000-4000-8000-000000000002')$$,
    'the vendor''s staff may cancel a patient''s booking'
);
SELECT
    is(
        ARRAY[b.booked_count, b.version], ARRAY[1, 5],
        'a freed seat can be booked again with the re-read version'
    )
FROM public.book_slot('5a7a0000-0000-4000-8000-000000000001', 4) AS b;
RESET ROLE;
SELECT is(
    (
        SELECT fulfillment_status FROM public.service_bookings
        WHERE id = '0b7a0000-0000-4000-8000-000000000002'
    ),
    'CANCELLED'::public.fulfillment_status,
    'the staff''s cancellation is recorded'
);
SELECT is(
    (
        SELECT ARRAY[booked_count, version] FROM public.availability_slots
        WHERE id = '5a7a0000-0000-4000-8000-000000000003'
    ),
    ARRAY[1, 3],
    'the admin''s booking is stored'
);
SELECT throws_ok(
    $$UPDATE public.availability_slots SET booked_count = 2
      WHERE id = '5a7a0000-0000-4000-8000-000000000003'$$,
    '23514',
    'new row for relation "availability_slots" violates check constraint '
    || '"availability_slots_booked_within_capacity"',
    'a direct update past capacity is still refused by the CHECK'
);
SELECT ok(
    obj_description('public.book_slot(uuid, integer)'::regprocedure) ~ 'OM001.*OM002',
    'book_slot documents its errors'
);

SELECT * FROM finish();
ROLLBACK;
