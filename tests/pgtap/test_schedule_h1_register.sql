-- The Schedule H1 register (changes order_line_drug_schedule, schedule_h1_register,
-- schedule_h1_register_at_dispatch): written at the time of supply from the pharmacist's
-- verification, with what Drugs Rules r.65(3)(1)(h) asks (prescriber's name and address,
-- patient's name, drug, quantity); append-only; kept three years for every role; read by the
-- selling pharmacy and admins.
BEGIN;
SELECT plan(31);

-- Fixtures: patient P1 (named), patient P2 (no name yet); pharmacy V1 (owner, STAFF
-- pharmacist), pharmacy V2 (owner); an admin. An H1 antibiotic and an OTC tablet. Orders of
-- V1's lines: R1 (P1, PENDING: H1 x 2 and OTC x 1), R2 (P1, CONFIRMED before the register
-- existed: H1 x 1, no check), R3 (P2, CONFIRMED: H1 x 1), R4 (P1, PENDING: H1 x 1), R5 (P1,
-- COMPLETED four years ago: H1 x 1, entered then).
INSERT INTO auth.users (id, email)
SELECT
    ('a9c00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@h1.in' AS email
FROM generate_series(1, 6) AS g (n);
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    ('a9c00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    CASE g.n
        WHEN 1 THEN 'Asha Rao' WHEN 2 THEN NULL WHEN 4 THEN 'Kiran Pharmacist'
        ELSE 'H1 user ' || g.n
    END AS full_name,
    r.id AS role_id
FROM generate_series(1, 6) AS g (n)
INNER JOIN public.roles AS r
    ON r.name = CASE
        WHEN g.n IN (1, 2) THEN 'PATIENT'
        WHEN g.n = 6 THEN 'ADMIN'
        WHEN g.n IN (3, 5) THEN 'VENDOR_ADMIN'
        ELSE 'STAFF'
    END;
INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES
(
    'b9c00000-0000-4000-8000-000000000001', 'H1 Pharmacy One', 'PHARMACY',
    'a9c00000-0000-4000-8000-000000000003', TRUE
),
(
    'b9c00000-0000-4000-8000-000000000002', 'H1 Pharmacy Two', 'PHARMACY',
    'a9c00000-0000-4000-8000-000000000005', TRUE
);
INSERT INTO public.vendor_staff (vendor_id, user_id, access_level) VALUES
('b9c00000-0000-4000-8000-000000000001', 'a9c00000-0000-4000-8000-000000000004', 'STAFF');
-- Medicines are taxable: the pharmacy is registered for GST in Telangana, where it supplies
-- from (check character from an independent implementation of GSTN's algorithm).
INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
('b9c00000-0000-4000-8000-000000000001', '36AAACH1234H1Z0', '2017-07-01');
INSERT INTO public.medicine_master (
    id, name, generic_name, hsn_code, prescription_required, drug_schedule, strength, pack_size
) VALUES
(
    'e9c00000-0000-4000-8000-000000000001', 'Cefpo 200', 'Cefpodoxime', '3004', TRUE, 'H1',
    '200 mg', '10 tablets'
),
(
    'e9c00000-0000-4000-8000-000000000002', 'Paracip 500', 'Paracetamol', '3004', FALSE, 'OTC',
    '500 mg', '15 tablets'
);
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id)
SELECT
    ('c9c00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'MEDICINE' AS service_type,
    'medicine_master' AS ref_table,
    ('e9c00000-0000-4000-8000-00000000000' || g.n)::uuid AS ref_id
FROM generate_series(1, 2) AS g (n);
INSERT INTO public.orders (
    id, profile_id, status, payment_status, payment_ref, delivery_address, delivery_state_code,
    gross_amount, tax_amount, net_amount, created_at
)
SELECT
    ('d9c00000-0000-4000-8000-00000000000' || o.n)::uuid AS id,
    o.profile_id,
    o.status::public.order_status AS status,
    'PAID' AS payment_status,
    'pay_h1_' || o.n AS payment_ref,
    '{"line_1": "1 Tank Bund", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}'
        AS delivery_address,
    '36' AS delivery_state_code,
    0 AS gross_amount,
    0 AS tax_amount,
    0 AS net_amount,
    o.at AS created_at
FROM (
    VALUES
    (1, 'a9c00000-0000-4000-8000-000000000001'::uuid, 'PENDING', now()),
    (2, 'a9c00000-0000-4000-8000-000000000001', 'CONFIRMED', now()),
    (3, 'a9c00000-0000-4000-8000-000000000002', 'CONFIRMED', now()),
    (4, 'a9c00000-0000-4000-8000-000000000001', 'PENDING', now()),
    (5, 'a9c00000-0000-4000-8000-000000000001', 'COMPLETED', now() - interval '4 years')
) AS o (n, profile_id, status, at);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, igst, supplier_state_code, service_snapshot
)
SELECT
    ('e9c10000-0000-4000-8000-00000000000' || i.n)::uuid AS id,
    ('d9c00000-0000-4000-8000-00000000000' || i.o)::uuid AS order_id,
    ('c9c00000-0000-4000-8000-00000000000' || i.m)::uuid AS service_catalog_id,
    'b9c00000-0000-4000-8000-000000000001' AS vendor_id,
    i.qty,
    0 AS unit_price,
    0 AS taxable_value,
    '3004' AS hsn_code,
    (public.tax_slab_for('3004', (o.created_at AT TIME ZONE 'Asia/Kolkata')::date)).igst
        AS gst_rate,
    0 AS igst,
    '36' AS supplier_state_code,
    jsonb_build_object(
        'name', m.name, 'service_type', 'MEDICINE', 'version', 1, 'price', 0,
        'vendor_id', 'b9c00000-0000-4000-8000-000000000001', 'medicine_id', m.id,
        'generic_name', m.generic_name, 'strength', m.strength, 'pack_size', m.pack_size,
        'prescription_required', m.prescription_required, 'drug_schedule', m.drug_schedule
    ) AS service_snapshot
FROM (
    VALUES (1, 1, 1, 2), (2, 1, 2, 1), (3, 2, 1, 1), (4, 3, 1, 1), (5, 4, 1, 1), (6, 5, 1, 1)
) AS i (n, o, m, qty)
INNER JOIN public.medicine_master AS m
    ON m.id = ('e9c00000-0000-4000-8000-00000000000' || i.m)::uuid
INNER JOIN public.orders AS o
    ON o.id = ('d9c00000-0000-4000-8000-00000000000' || i.o)::uuid;
INSERT INTO storage.objects (bucket_id, name)
SELECT
    'prescriptions' AS bucket_id,
    o.profile_id || '/rx-' || right(o.id::text, 1) || '.jpg' AS name
FROM public.orders AS o
WHERE o.id::text LIKE 'd9c00000-%';
INSERT INTO public.order_artifacts (id, order_id, type, file_url)
SELECT
    ('f9c00000-0000-4000-8000-00000000000' || right(o.id::text, 1))::uuid AS id,
    o.id AS order_id,
    'PRESC' AS type,
    'prescriptions/' || o.profile_id || '/rx-' || right(o.id::text, 1) || '.jpg' AS file_url
FROM public.orders AS o
WHERE o.id::text LIKE 'd9c00000-%';
-- R5's entry, written four years ago.
INSERT INTO public.prescription_checks (
    id, order_id, artifact_id, vendor_id, checked_by, outcome, prescriber_name,
    prescriber_address, checked_at
) VALUES (
    'f9c10000-0000-4000-8000-000000000005', 'd9c00000-0000-4000-8000-000000000005',
    'f9c00000-0000-4000-8000-000000000005', 'b9c00000-0000-4000-8000-000000000001',
    'a9c00000-0000-4000-8000-000000000004', 'VERIFIED', 'Dr. Old', 'Old Clinic, Hyderabad',
    now() - interval '4 years'
);
INSERT INTO public.schedule_h1_register (
    id, order_item_id, vendor_id, prescription_check_id, prescriber_name, prescriber_address,
    patient_name, drug_name, quantity, pharmacist_id, supplied_at
) VALUES (
    'f9c20000-0000-4000-8000-000000000005', 'e9c10000-0000-4000-8000-000000000006',
    'b9c00000-0000-4000-8000-000000000001', 'f9c10000-0000-4000-8000-000000000005',
    'Dr. Old', 'Old Clinic, Hyderabad', 'Asha Rao', 'Cefpo 200', 1,
    'a9c00000-0000-4000-8000-000000000004', now() - interval '4 years'
);

-- The schedule a line was sold under.
SELECT is(
    private.order_line_drug_schedule('{"drug_schedule": "H1"}'),
    'H1'::public.drug_schedule,
    'the snapshot''s schedule'
);
SELECT is(
    private.order_line_drug_schedule(
        '{"name": "Cefpo 200", "medicine_id": "e9c00000-0000-4000-8000-000000000001"}'
    ),
    'H1'::public.drug_schedule,
    'without it, the sold version''s medicine_master.drug_schedule'
);
SELECT is(
    private.order_line_drug_schedule('{"name": "CBC", "medicine_id": "not-a-uuid"}'),
    NULL,
    'NULL for a line that is not a medicine'
);

-- R1: verified with the prescriber, confirmed, dispatched by the pharmacy's staff.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9c00000-0000-4000-8000-000000000004", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$SELECT public.check_prescription(
        'f9c00000-0000-4000-8000-000000000001', 'VERIFIED', NULL, ' Dr. Meena Pillai ',
        'Apollo Clinic, Road 12, Banjara Hills, Hyderabad 500034')$$,
    'the pharmacist verifies R1''s prescription with the prescriber''s name and address'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9c00000-0000-4000-8000-000000000001'$$,
    'R1 is confirmed'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'PROCESSING'
      WHERE id = 'd9c00000-0000-4000-8000-000000000001'$$,
    'R1 is processed'
);
SELECT is(
    (SELECT count(*)::integer FROM public.schedule_h1_register),
    1,
    'nothing is entered before the supply (only R5''s old entry)'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
      WHERE id = 'd9c00000-0000-4000-8000-000000000001'$$,
    'R1 leaves for delivery'
);
SELECT results_eq(
    $$SELECT order_item_id::text, vendor_id::text, prescriber_name, prescriber_address,
             patient_name, drug_name, quantity, pack_size, pharmacist_id::text,
             pharmacist_name, supplied_at = now()
      FROM public.schedule_h1_register
      WHERE order_item_id IN (SELECT id FROM public.order_items
                              WHERE order_id = 'd9c00000-0000-4000-8000-000000000001')$$,
    $$VALUES ('e9c10000-0000-4000-8000-000000000001', 'b9c00000-0000-4000-8000-000000000001',
              'Dr. Meena Pillai', 'Apollo Clinic, Road 12, Banjara Hills, Hyderabad 500034',
              'Asha Rao', 'Cefpo 200 (Cefpodoxime 200 mg)', 2, '10 tablets',
              'a9c00000-0000-4000-8000-000000000004', 'Kiran Pharmacist', TRUE)$$,
    'the H1 line is entered at the supply: prescriber, patient, drug, quantity, pharmacist, '
    || 'time; the OTC line is not'
);
SELECT is(
    (SELECT count(*)::integer FROM public.schedule_h1_register),
    2,
    'the pharmacy''s staff read their register'
);
SELECT throws_ok(
    $$INSERT INTO public.schedule_h1_register (
          order_item_id, vendor_id, prescription_check_id, prescriber_name, prescriber_address,
          patient_name, drug_name, quantity, pharmacist_id
      ) SELECT 'e9c10000-0000-4000-8000-000000000003', vendor_id, prescription_check_id,
               'Dr. Fake', 'Nowhere', 'Someone', 'Cefpo 200', 9, pharmacist_id
        FROM public.schedule_h1_register LIMIT 1$$,
    '42501',
    'permission denied for table schedule_h1_register',
    'staff cannot write the register themselves'
);
SELECT throws_ok(
    $$DELETE FROM public.schedule_h1_register$$,
    '42501',
    'permission denied for table schedule_h1_register',
    'staff cannot delete from the register'
);

-- R2 was confirmed before the register: its H1 line needs the check before it can leave.
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'PROCESSING'
      WHERE id = 'd9c00000-0000-4000-8000-000000000002'$$,
    'R2 (confirmed before the register existed) is processed'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
      WHERE id = 'd9c00000-0000-4000-8000-000000000002'$$,
    'OM105',
    'order d9c00000-0000-4000-8000-000000000002 cannot leave for delivery: Schedule H1 drug '
    || 'Cefpo 200 has no verified prescription with the prescriber''s name and address for the '
    || 'register',
    'an H1 drug never leaves unrecorded'
);
SELECT lives_ok(
    $$SELECT public.check_prescription(
        'f9c00000-0000-4000-8000-000000000002', 'VERIFIED', NULL, 'Dr. Ravi Kumar',
        'Care Hospital, Hitech City, Hyderabad 500081')$$,
    'the pharmacist verifies R2''s prescription while it is processed'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
      WHERE id = 'd9c00000-0000-4000-8000-000000000002'$$,
    'then R2 leaves, entered in the register'
);
-- R3: the patient has given no name.
SELECT lives_ok(
    $$SELECT public.check_prescription(
        'f9c00000-0000-4000-8000-000000000003', 'VERIFIED', NULL, 'Dr. Ravi Kumar',
        'Care Hospital, Hitech City, Hyderabad 500081')$$,
    'R3''s prescription is verified'
);
UPDATE public.orders SET status = 'PROCESSING'
WHERE id = 'd9c00000-0000-4000-8000-000000000003';
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
      WHERE id = 'd9c00000-0000-4000-8000-000000000003'$$,
    'OM105',
    'order d9c00000-0000-4000-8000-000000000003 cannot leave for delivery: the patient''s name, '
    || 'which the Schedule H1 register needs, is missing from profile '
    || 'a9c00000-0000-4000-8000-000000000002',
    'an H1 drug does not leave without the patient''s name for the register'
);
-- R4 is verified, then cancelled before it leaves: nothing was supplied, nothing is entered.
SELECT lives_ok(
    $$SELECT public.check_prescription(
        'f9c00000-0000-4000-8000-000000000004', 'VERIFIED', NULL, 'Dr. Ravi Kumar',
        'Care Hospital, Hitech City, Hyderabad 500081')$$,
    'R4''s prescription is verified'
);
SELECT lives_ok(
    $$SELECT public.cancel_order('d9c00000-0000-4000-8000-000000000004')$$,
    'R4 is cancelled by the pharmacy before it leaves'
);
SELECT is(
    (
        SELECT array_agg(i.order_id::text ORDER BY i.order_id)
        FROM public.schedule_h1_register AS r
        INNER JOIN public.order_items AS i ON r.order_item_id = i.id
    ),
    ARRAY[
        'd9c00000-0000-4000-8000-000000000001', 'd9c00000-0000-4000-8000-000000000002',
        'd9c00000-0000-4000-8000-000000000005'
    ],
    'the register holds the supplied orders only'
);
RESET ROLE;

-- Who reads it.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9c00000-0000-4000-8000-000000000005", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    (SELECT count(*)::integer FROM public.schedule_h1_register), 0,
    'another pharmacy reads none of it'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9c00000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    (SELECT count(*)::integer FROM public.schedule_h1_register), 0,
    'the patient does not read the pharmacy''s register'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9c00000-0000-4000-8000-000000000006", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    (SELECT count(*)::integer FROM public.schedule_h1_register), 3,
    'an admin reads every entry (inspection)'
);
RESET ROLE;

-- Append-only and kept three years, for every role.
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SET LOCAL ROLE service_role;
SELECT throws_ok(
    $$UPDATE public.schedule_h1_register SET quantity = 1$$,
    '42501',
    'permission denied for table schedule_h1_register',
    'the backend has no UPDATE on the register'
);
SELECT throws_ok(
    $$DELETE FROM public.schedule_h1_register
      WHERE order_item_id = 'e9c10000-0000-4000-8000-000000000001'$$,
    'OM107',
    format(
        'entry %s of the Schedule H1 register is kept until %s (three years after the supply)',
        (
            SELECT id FROM public.schedule_h1_register
            WHERE order_item_id = 'e9c10000-0000-4000-8000-000000000001'
        ),
        (now() + interval '3 years')::date
    ),
    'the backend cannot delete an entry before its three years'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.schedule_h1_register
        WHERE id = 'f9c20000-0000-4000-8000-000000000005'
    ),
    1,
    'the four-year-old entry is still there'
);
DELETE FROM public.schedule_h1_register WHERE id = 'f9c20000-0000-4000-8000-000000000005';
SELECT is(
    (
        SELECT count(*)::integer FROM public.schedule_h1_register
        WHERE id = 'f9c20000-0000-4000-8000-000000000005'
    ),
    0,
    'an entry older than three years may be deleted by the backend'
);
RESET ROLE;
SELECT throws_ok(
    $$UPDATE public.schedule_h1_register SET patient_name = '[erased]'
      WHERE order_item_id = 'e9c10000-0000-4000-8000-000000000001'$$,
    'OM106',
    format(
        'the Schedule H1 register is append-only: entry %s cannot be changed',
        (
            SELECT id FROM public.schedule_h1_register
            WHERE order_item_id = 'e9c10000-0000-4000-8000-000000000001'
        )
    ),
    'not even the owner changes an entry'
);
SELECT throws_ok(
    $$DELETE FROM public.schedule_h1_register$$,
    'OM107',
    NULL,
    'not even the owner deletes an entry before its three years'
);
SELECT throws_ok(
    $$TRUNCATE public.schedule_h1_register$$,
    'OM107',
    'the Schedule H1 register cannot be truncated: entries are kept three years',
    'nor truncates the register'
);

SELECT * FROM finish();
ROLLBACK;
