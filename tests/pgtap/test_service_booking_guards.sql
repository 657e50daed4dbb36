-- Column guards of service_bookings (change service_booking_guards): nobody on the API moves
-- a booking to another slot, line or patient (OM060); only the vendor's staff or an admin
-- write fulfilment and clinical notes, only the patient or an admin the family member
-- (OM061); service_role passes.
BEGIN;
SELECT plan(17);

-- Fixtures (as postgres): patient p1 with a child; lab v1 with owner o1 and staff s1; an
-- admin; two slots of the same test at v1; an order of p1 with one line of v1 and its
-- booking in slot 1.
INSERT INTO auth.users (id, email) VALUES
('a1300000-0000-4000-8000-000000000001', 'p1@h13.in'),
('a1300000-0000-4000-8000-000000000011', 'o1@h13.in'),
('a1300000-0000-4000-8000-000000000012', 's1@h13.in'),
('a1300000-0000-4000-8000-000000000099', 'admin@h13.in');
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
    'b1300000-0000-4000-8000-000000000001', 'Lab H13', 'DIAGNOSTIC_LAB',
    'a1300000-0000-4000-8000-000000000011', 10, TRUE
);
INSERT INTO public.vendor_staff (id, vendor_id, user_id, access_level) VALUES
(
    'b2130000-0000-4000-8000-000000000012', 'b1300000-0000-4000-8000-000000000001',
    'a1300000-0000-4000-8000-000000000012', 'STAFF'
);
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e1300000-0000-4000-8000-000000000001', 'Complete blood count H13', 'CBC-H13', 'BLOOD');
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

SELECT has_function(
    'private', 'guard_service_booking_update', ARRAY[]::text[],
    'guard_service_booking_update() exists'
);
SELECT trigger_is(
    'public', 'service_bookings', 'service_bookings_guard_update',
    'private', 'guard_service_booking_update',
    'service_bookings_guard_update runs guard_service_booking_update()'
);
SELECT is(
    (
        SELECT p.prosecdef FROM pg_catalog.pg_proc AS p
        WHERE p.oid = 'private.guard_service_booking_update()'::regprocedure
    ),
    FALSE,
    'guard_service_booking_update() is SECURITY INVOKER (current_user is the caller)'
);

-- patient p1
SET LOCAL "request.jwt.claims"
= '{"sub": "a1300000-0000-4000-8000-000000000001", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$UPDATE public.service_bookings SET slot_id = 'e4130000-0000-4000-8000-000000000002'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM060', 'cannot change slot_id of booking d2130000-0000-4000-8000-000000000001',
    'the patient cannot move their booking to another slot'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET clinical_notes = 'feeling better'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM061',
    'only the booking''s vendor staff or an admin may change clinical_notes of booking '
    || 'd2130000-0000-4000-8000-000000000001',
    'the patient cannot write clinical notes'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET fulfillment_status = 'COMPLETED'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM061',
    'only the booking''s vendor staff or an admin may change fulfillment_status of booking '
    || 'd2130000-0000-4000-8000-000000000001',
    'the patient cannot set the fulfilment status'
);
SELECT lives_ok(
    $$UPDATE public.service_bookings SET family_member_id = 'f1130000-0000-4000-8000-000000000001'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'the patient names one of their own family members'
);
RESET ROLE;

-- vendor staff s1
SET LOCAL "request.jwt.claims"
= '{"sub": "a1300000-0000-4000-8000-000000000012", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$UPDATE public.service_bookings SET slot_id = 'e4130000-0000-4000-8000-000000000002'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM060', 'cannot change slot_id of booking d2130000-0000-4000-8000-000000000001',
    'the vendor''s staff cannot move the booking to another slot'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET patient_id = 'a1300000-0000-4000-8000-000000000012'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM060', 'cannot change patient_id of booking d2130000-0000-4000-8000-000000000001',
    'the vendor''s staff cannot give the booking to another patient'
);
SELECT lives_ok(
    $$UPDATE public.service_bookings
      SET fulfillment_status = 'SCHEDULED', clinical_notes = 'fasting sample at 8'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'the vendor''s staff schedule the booking and write clinical notes'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET family_member_id = NULL
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM061',
    'only the booking''s patient or an admin may change family_member_id of booking '
    || 'd2130000-0000-4000-8000-000000000001',
    'the vendor''s staff cannot change whom the booking is for'
);
RESET ROLE;

-- admin
SET LOCAL "request.jwt.claims"
= '{"sub": "a1300000-0000-4000-8000-000000000099", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$UPDATE public.service_bookings SET clinical_notes = 'sample collected'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'an admin may correct clinical notes'
);
SELECT throws_ok(
    $$UPDATE public.service_bookings SET slot_id = 'e4130000-0000-4000-8000-000000000002'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'OM060', 'cannot change slot_id of booking d2130000-0000-4000-8000-000000000001',
    'even an admin cannot move a booking through the API'
);
RESET ROLE;

SELECT is(
    (
        SELECT row(b.slot_id, b.family_member_id, b.fulfillment_status, b.clinical_notes)::text
        FROM public.service_bookings AS b
        WHERE b.id = 'd2130000-0000-4000-8000-000000000001'
    ),
    row(
        'e4130000-0000-4000-8000-000000000001'::uuid,
        'f1130000-0000-4000-8000-000000000001'::uuid,
        'SCHEDULED'::public.fulfillment_status,
        'sample collected'
    )::text,
    'the allowed changes stuck, the refused ones did not'
);

-- service_role (the backend) and the owner pass
SET LOCAL ROLE service_role;
SELECT lives_ok(
    $$UPDATE public.service_bookings SET slot_id = 'e4130000-0000-4000-8000-000000000002'
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'service_role may move a booking to another slot'
);
RESET ROLE;
SELECT is(
    (
        SELECT b.slot_id FROM public.service_bookings AS b
        WHERE b.id = 'd2130000-0000-4000-8000-000000000001'
    ),
    'e4130000-0000-4000-8000-000000000002'::uuid,
    'the service_role move took effect'
);
SELECT lives_ok(
    $$UPDATE public.service_bookings SET clinical_notes = NULL, family_member_id = NULL
      WHERE id = 'd2130000-0000-4000-8000-000000000001'$$,
    'the table owner passes the guard'
);

SELECT * FROM finish();
ROLLBACK;
