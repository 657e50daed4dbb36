-- Fulfilment moves of service_bookings (change booking_fulfillment_moves): a booking goes
-- PENDING -> SCHEDULED -> IN_PROGRESS -> COMPLETED, ends CANCELLED or NO_SHOW only before it
-- starts (OM062, for every role), and a signed-in user cancels it only through
-- cancel_booking, which gives the seat back (OM063).
BEGIN;
SELECT plan(12);

-- Fixtures (as postgres): patient p1 with a child; lab v1 with owner o1 and staff s1; an
-- admin; two slots of the same test at v1; an order of p1 with one line of v1 and its
-- booking in slot 1.
INSERT INTO auth.users (id, email) VALUES
('a1300000-0000-4000-8000-000000000001', 'p1@h14.in'),
('a1300000-0000-4000-8000-000000000011', 'o1@h14.in'),
('a1300000-0000-4000-8000-000000000012', 's1@h14.in'),
('a1300000-0000-4000-8000-000000000099', 'admin@h14.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.id,
    u.name AS full_name,
    r.id AS role_id
FROM (
    VALUES
    ('a1300000-0000-4000-8000-000000000001'::uuid, 'Patient One', 'PATIENT'),
    ('a1300000-0000-4000-8000-000000000011', 'Owner One', 'VENDOR_ADMIN'),
    ('a1300000-0000-4000-8000-000000000012', 'Staff One', 'STAFF'),
    ('a1300000-0000-4000-8000-000000000099', 'Admin', 'ADMIN')
) AS u (id, name, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.vendors (id, name, type, owner_id, commission_rate, is_active) VALUES
(
    'b1300000-0000-4000-8000-000000000001', 'Lab H14', 'DIAGNOSTIC_LAB',
    'a1300000-0000-4000-8000-000000000011', 10, TRUE
);
INSERT INTO public.vendor_staff (id, vendor_id, user_id, access_level) VALUES
(
    'b2130000-0000-4000-8000-000000000012', 'b1300000-0000-4000-8000-000000000001',
    'a1300000-0000-4000-8000-000000000012', 'STAFF'
);
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e1300000-0000-4000-8000-000000000001', 'Complete blood count H14', 'CBC-H14', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id, is_active) VALUES
(
    'e2130000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e1300000-0000-4000-8000-000000000001', TRUE
);
INSERT INTO public.availability_slots (
    id, service_catalog_id, vendor_id, start_time, end_time, booked_count
) VALUES
(
    'e4130000-0000-4000-8000-000000000001', 'e2130000-0000-4000-8000-000000000001',
    'b1300000-0000-4000-8000-000000000001', now() + interval '2 days',
    now() + interval '2 days 30 minutes', 1
),
(
    'e4130000-0000-4000-8000-000000000002', 'e2130000-0000-4000-8000-000000000001',
    'b1300000-0000-4000-8000-000000000001', now() + interval '3 days',
    now() + interval '3 days 30 minutes', 0
);
INSERT INTO public.family_members (id, owner_id, name, relation) VALUES
('f1130000-0000-4000-8000-000000000001', 'a1300000-0000-4000-8000-000000000001', 'Meera', 'CHILD');
INSERT INTO public.orders (
    id, profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
    net_amount
) VALUES
(
    'd0130000-0000-4000-8000-000000000001', 'a1300000-0000-4000-8000-000000000001',
    '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}',
    '36', 525, 25, 525
);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
    hsn_code, gst_rate, cgst, sgst, igst, service_snapshot, supplier_state_code
) VALUES
(
    'd1130000-0000-4000-8000-000000000001', 'd0130000-0000-4000-8000-000000000001',
    'e2130000-0000-4000-8000-000000000001', 'b1300000-0000-4000-8000-000000000001',
    1, 525, 500, '3004', 5, 12.5, 12.5, 0,
    jsonb_build_object(
        'name', 'CBC', 'service_type', 'LAB_TEST', 'version', 1, 'price', 500,
        'vendor_id', 'b1300000-0000-4000-8000-000000000001'
    ),
    '36'
);
INSERT INTO public.service_bookings (id, order_item_id, patient_id, slot_id) VALUES
(
    'd2130000-0000-4000-8000-000000000001', 'd1130000-0000-4000-8000-000000000001',
    'a1300000-0000-4000-8000-000000000001', 'e4130000-0000-4000-8000-000000000001'
);

SELECT trigger_is(
    'public', 'service_bookings', 'service_bookings_moves_along_fulfillment',
    'private', 'service_bookings_check_fulfillment',
    'service_bookings_moves_along_fulfillment runs service_bookings_check_fulfillment()'
);

-- staff s1 of the lab
SET LOCAL "request.jwt.claims"
= '{"sub": "a1300000-0000-4000-8000-000000000012", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'COMPLETED'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM062',
    'booking d2130000-0000-4000-8000-000000000001 cannot move from PENDING to COMPLETED',
    'a booking cannot jump from PENDING to COMPLETED'
);
SELECT lives_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'SCHEDULED'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'staff schedule a pending booking'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'PENDING'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM062',
    'booking d2130000-0000-4000-8000-000000000001 cannot move from SCHEDULED to PENDING',
    'a booking never moves back'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'CANCELLED'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM063',
    'booking d2130000-0000-4000-8000-000000000001 is cancelled with public.cancel_booking(), '
    || 'which gives its seat back',
    'staff cannot cancel by updating the status: the seat would stay taken'
);
RESET ROLE;

-- patient p1 cancels through the function: the seat comes back
SET LOCAL "request.jwt.claims"
= '{"sub": "a1300000-0000-4000-8000-000000000001", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    (
        SELECT b.fulfillment_status
        FROM public.cancel_booking('d2130000-0000-4000-8000-000000000001') AS b
    ),
    'CANCELLED'::public.fulfillment_status,
    'cancel_booking cancels the scheduled booking'
);
RESET ROLE;
SELECT is(
    (
        SELECT booked_count FROM public.availability_slots
        WHERE id = 'e4130000-0000-4000-8000-000000000001'
    ),
    0,
    'and gives its seat back'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'SCHEDULED'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM062',
    'booking d2130000-0000-4000-8000-000000000001 cannot move from CANCELLED to SCHEDULED',
    'a cancelled booking stays cancelled, even for the table owner'
);

-- a second booking walks the whole way as service_role
INSERT INTO public.service_bookings (id, order_item_id, patient_id, slot_id) VALUES
(
    'd2130000-0000-4000-8000-000000000002', 'd1130000-0000-4000-8000-000000000001',
    'a1300000-0000-4000-8000-000000000001', 'e4130000-0000-4000-8000-000000000002'
);
SET LOCAL ROLE service_role;
SELECT lives_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'IN_PROGRESS'
      WHERE id = 'd2130000-0000-4000-8000-000000000002'$$,
    'PENDING -> IN_PROGRESS (a walk-in sample)'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'NO_SHOW'
      WHERE id = 'd2130000-0000-4000-8000-000000000002'$$,
    'OM062',
    'booking d2130000-0000-4000-8000-000000000002 cannot move from IN_PROGRESS to NO_SHOW',
    'a booking in progress is no no-show'
);
SELECT lives_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'COMPLETED'
      WHERE id = 'd2130000-0000-4000-8000-000000000002'$$,
    'IN_PROGRESS -> COMPLETED'
);
SELECT lives_ok(
    $$UPDATE public.service_bookings SET clinical_notes = 'report sent'
      WHERE id = 'd2130000-0000-4000-8000-000000000002'$$,
    'an update that leaves the status alone is not a move'
);
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
