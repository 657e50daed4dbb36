-- The prescription gate checks a real prescription (changes storage_prescription_folder_message,
-- order_artifact_folders, prescription_checks, check_prescription, prescription_gate): a file
-- that exists in storage, in the patient's own folder, verified by a pharmacist of each vendor
-- selling a prescription line. Tried from the attacker's side: paths that were never uploaded,
-- another patient's folder, another vendor's staff, a VIEWER, a file removed after the check.
BEGIN;
SELECT plan(42);

-- Fixtures: patients P1, P2; pharmacy V1 (owner, STAFF pharmacist, VIEWER), pharmacy V2
-- (owner); an admin. Medicines: schedule H (prescription only), H1, and OTC. Orders of P1
-- (PENDING unless said): G1 V1's H line; G2 V1's H line; G3 an H line of V1 and one of V2;
-- G4 V1's H line; G5 V1's H line, OUT_FOR_DELIVERY; G7 V1's H1 line. G6 of P2: V1's OTC line.
INSERT INTO auth.users (id, email)
SELECT
    ('a9b00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@gate.in' AS email
FROM generate_series(1, 7) AS g (n);
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    ('a9b00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'Gate user ' || g.n AS full_name,
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
    'b9b00000-0000-4000-8000-000000000001', 'Gate Pharmacy One', 'PHARMACY',
    'a9b00000-0000-4000-8000-000000000003', TRUE
),
(
    'b9b00000-0000-4000-8000-000000000002', 'Gate Pharmacy Two', 'PHARMACY',
    'a9b00000-0000-4000-8000-000000000006', TRUE
);
INSERT INTO public.vendor_staff (vendor_id, user_id, access_level) VALUES
('b9b00000-0000-4000-8000-000000000001', 'a9b00000-0000-4000-8000-000000000004', 'STAFF'),
('b9b00000-0000-4000-8000-000000000001', 'a9b00000-0000-4000-8000-000000000005', 'VIEWER');
INSERT INTO public.medicine_master (
    id, name, hsn_code, prescription_required, drug_schedule
) VALUES
('e9b00000-0000-4000-8000-000000000001', 'Gate Amoxicillin', '3004', TRUE, 'H'),
('e9b00000-0000-4000-8000-000000000002', 'Gate Cefpodoxime', '3004', TRUE, 'H1'),
('e9b00000-0000-4000-8000-000000000003', 'Gate Paracetamol', '3004', FALSE, 'OTC');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id)
SELECT
    ('c9b00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'MEDICINE' AS service_type,
    'medicine_master' AS ref_table,
    ('e9b00000-0000-4000-8000-00000000000' || g.n)::uuid AS ref_id
FROM generate_series(1, 3) AS g (n);
INSERT INTO public.orders (
    id, profile_id, status, payment_status, payment_ref, delivery_address, delivery_state_code,
    gross_amount, tax_amount, net_amount
)
SELECT
    ('d9b00000-0000-4000-8000-00000000000' || o.n)::uuid AS id,
    o.profile_id,
    o.status::public.order_status AS status,
    o.pay::public.payment_status AS payment_status,
    CASE WHEN o.pay = 'PAID' THEN 'pay_gate_' || o.n END AS payment_ref,
    '{"line_1": "1 Tank Bund", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}'
        AS delivery_address,
    '36' AS delivery_state_code,
    105 * o.lines AS gross_amount,
    5 * o.lines AS tax_amount,
    105 * o.lines AS net_amount
FROM (
    VALUES
    (1, 'a9b00000-0000-4000-8000-000000000001'::uuid, 'PENDING', 'AWAITING', 1),
    (2, 'a9b00000-0000-4000-8000-000000000001', 'PENDING', 'AWAITING', 1),
    (3, 'a9b00000-0000-4000-8000-000000000001', 'PENDING', 'AWAITING', 2),
    (4, 'a9b00000-0000-4000-8000-000000000001', 'PENDING', 'AWAITING', 1),
    (5, 'a9b00000-0000-4000-8000-000000000001', 'OUT_FOR_DELIVERY', 'PAID', 1),
    (6, 'a9b00000-0000-4000-8000-000000000002', 'PENDING', 'AWAITING', 1),
    (7, 'a9b00000-0000-4000-8000-000000000001', 'PENDING', 'AWAITING', 1)
) AS o (n, profile_id, status, pay, lines);
INSERT INTO public.order_items (
    order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, cgst, sgst, supplier_state_code, service_snapshot
)
SELECT
    ('d9b00000-0000-4000-8000-00000000000' || i.o)::uuid AS order_id,
    ('c9b00000-0000-4000-8000-00000000000' || i.m)::uuid AS service_catalog_id,
    ('b9b00000-0000-4000-8000-00000000000' || i.v)::uuid AS vendor_id,
    -- tax-inclusive: 105.00 = 100.00 + 2.50 + 2.50 (105 * 5 / 210 = 2.50)
    1 AS qty,
    105 AS unit_price,
    100 AS taxable_value,
    '3004' AS hsn_code,
    5 AS gst_rate,
    2.50 AS cgst,
    2.50 AS sgst,
    '36' AS supplier_state_code,
    jsonb_build_object(
        'name', m.name, 'service_type', 'MEDICINE', 'version', 1, 'price', 105,
        'vendor_id', 'b9b00000-0000-4000-8000-00000000000' || i.v,
        'medicine_id', m.id, 'prescription_required', m.prescription_required,
        'drug_schedule', m.drug_schedule
    ) AS service_snapshot
FROM (
    VALUES (1, 1, 1), (2, 1, 1), (3, 1, 1), (3, 1, 2), (4, 1, 1), (5, 1, 1), (6, 3, 1), (7, 2, 1)
) AS i (o, m, v)
INNER JOIN public.medicine_master AS m
    ON m.id = ('e9b00000-0000-4000-8000-00000000000' || i.m)::uuid;

-- G5 left for delivery with a prescription on file (written as the backend would have).
INSERT INTO storage.objects (bucket_id, name) VALUES
('prescriptions', 'a9b00000-0000-4000-8000-000000000001/rx-g5.jpg');
INSERT INTO public.order_artifacts (id, order_id, type, file_url) VALUES (
    'f9b00000-0000-4000-8000-000000000006', 'd9b00000-0000-4000-8000-000000000005', 'PRESC',
    'prescriptions/a9b00000-0000-4000-8000-000000000001/rx-g5.jpg'
);

-- Storage: a patient uploads only into their own folder, and is told why ------------------
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name) VALUES ('prescriptions', 'rx-g1.jpg')$$,
    '42501',
    'prescription rx-g1.jpg must go into your own folder a9b00000-0000-4000-8000-000000000001/, '
    || 'not the top of the bucket',
    'a prescription at the top of the bucket is refused, saying where it belongs'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('prescriptions', 'a9b00000-0000-4000-8000-000000000002/rx.jpg')$$,
    '42501',
    'prescription a9b00000-0000-4000-8000-000000000002/rx.jpg is in folder '
    || 'a9b00000-0000-4000-8000-000000000002/, which is not yours: upload into your own folder '
    || 'a9b00000-0000-4000-8000-000000000001/',
    'a prescription in another patient''s folder is refused, saying why'
);
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      SELECT 'prescriptions', 'a9b00000-0000-4000-8000-000000000001/' || f
      FROM unnest(ARRAY['rx-g1-a.jpg', 'rx-g1-b.jpg', 'rx-g3.jpg', 'rx-g4.jpg', 'rx-g7.jpg'])
          AS f$$,
    'the patient uploads prescriptions into their own folder'
);
SELECT lives_ok(
    $$INSERT INTO public.order_artifacts (id, order_id, type, file_url, uploaded_by) VALUES
      ('f9b00000-0000-4000-8000-000000000001', 'd9b00000-0000-4000-8000-000000000001', 'PRESC',
       'prescriptions/a9b00000-0000-4000-8000-000000000001/rx-g1-a.jpg',
       'a9b00000-0000-4000-8000-000000000001'),
      ('f9b00000-0000-4000-8000-000000000002', 'd9b00000-0000-4000-8000-000000000002', 'PRESC',
       'prescriptions/a9b00000-0000-4000-8000-000000000001/never-uploaded.jpg',
       'a9b00000-0000-4000-8000-000000000001'),
      ('f9b00000-0000-4000-8000-000000000004', 'd9b00000-0000-4000-8000-000000000003', 'PRESC',
       'prescriptions/a9b00000-0000-4000-8000-000000000001/rx-g3.jpg',
       'a9b00000-0000-4000-8000-000000000001'),
      ('f9b00000-0000-4000-8000-000000000005', 'd9b00000-0000-4000-8000-000000000004', 'PRESC',
       'prescriptions/a9b00000-0000-4000-8000-000000000001/rx-g4.jpg',
       'a9b00000-0000-4000-8000-000000000001'),
      ('f9b00000-0000-4000-8000-000000000007', 'd9b00000-0000-4000-8000-000000000007', 'PRESC',
       'prescriptions/a9b00000-0000-4000-8000-000000000001/rx-g7.jpg',
       'a9b00000-0000-4000-8000-000000000001')$$,
    'the patient attaches their prescriptions (a path never uploaded is linked, not trusted)'
);
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000001', 'VERIFIED')$$,
    'OM099',
    'prescription f9b00000-0000-4000-8000-000000000001 not found among the prescriptions of '
    || 'your pharmacy''s orders',
    'the patient cannot verify their own prescription'
);
RESET ROLE;

-- Vendor staff link only files of the folder they were given ------------------------------
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000004", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url) VALUES
      ('d9b00000-0000-4000-8000-000000000001', 'REPORT',
       'lab-reports/a9b00000-0000-4000-8000-000000000002/d9b00000-0000-4000-8000-000000000006/'
       || 'x.pdf')$$,
    'OM098',
    'lab-reports/a9b00000-0000-4000-8000-000000000002/d9b00000-0000-4000-8000-000000000006/'
    || 'x.pdf is not in the folder lab-reports/a9b00000-0000-4000-8000-000000000001/'
    || 'd9b00000-0000-4000-8000-000000000001/ of order d9b00000-0000-4000-8000-000000000001''s '
    || 'patient',
    'staff cannot link a file in another patient''s folder to their order'
);
SELECT throws_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url) VALUES
      ('d9b00000-0000-4000-8000-000000000001', 'REPORT',
       'lab-reports/a9b00000-0000-4000-8000-000000000001/d9b00000-0000-4000-8000-000000000002/'
       || 'x.pdf')$$,
    'OM098',
    NULL,
    'nor a file of the same patient''s other order'
);
SELECT lives_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url, uploaded_by) VALUES
      ('d9b00000-0000-4000-8000-000000000001', 'REPORT',
       'lab-reports/a9b00000-0000-4000-8000-000000000001/d9b00000-0000-4000-8000-000000000001/'
       || 'cbc.pdf', 'a9b00000-0000-4000-8000-000000000004')$$,
    'staff link a report in the folder of the order they serve'
);
-- The gate: an attached prescription is not yet a checked one.
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9b00000-0000-4000-8000-000000000001'$$,
    'OM022',
    'order d9b00000-0000-4000-8000-000000000001 holds prescription-only Gate Amoxicillin and no '
    || 'prescription of it in storage has been verified by Gate Pharmacy One',
    'an attached but unchecked prescription does not open the gate'
);
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000001', 'REJECTED')$$,
    'OM102',
    'a rejected prescription needs the reason, for the patient',
    'a rejection needs a reason'
);
SELECT throws_ok(
    $$SELECT public.check_prescription(
        'f9b00000-0000-4000-8000-000000000001', 'VERIFIED', 'looks fine')$$,
    'OM102',
    'a verified prescription takes no reason',
    'a verification takes no reason'
);
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000002', 'VERIFIED')$$,
    'OM100',
    'prescription file prescriptions/a9b00000-0000-4000-8000-000000000001/never-uploaded.jpg is '
    || 'not in storage under the patient''s folder (never uploaded, or removed)',
    'a prescription that was never uploaded cannot be verified'
);
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000007', 'VERIFIED')$$,
    'OM103',
    'order d9b00000-0000-4000-8000-000000000007 holds Schedule H1 drugs: the prescriber''s name '
    || 'and address are needed for the H1 register',
    'a Schedule H1 prescription is verified with the prescriber''s name and address'
);
SELECT results_eq(
    $$SELECT outcome::text, vendor_id::text, checked_by::text, reason
      FROM public.check_prescription('f9b00000-0000-4000-8000-000000000001', 'REJECTED',
                                     '  Illegible: the dose cannot be read  ')$$,
    $$VALUES ('REJECTED', 'b9b00000-0000-4000-8000-000000000001',
              'a9b00000-0000-4000-8000-000000000004', 'Illegible: the dose cannot be read')$$,
    'the pharmacist rejects the prescription with a reason (who, for which vendor)'
);
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000001', 'VERIFIED')$$,
    'OM104',
    'prescription f9b00000-0000-4000-8000-000000000001 has already been checked for your pharmacy',
    'a check is final: the same file is not checked twice for the same vendor'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9b00000-0000-4000-8000-000000000001'$$,
    'OM022',
    NULL,
    'a rejected prescription keeps the gate shut'
);
SELECT throws_ok(
    $$INSERT INTO public.prescription_checks (order_id, artifact_id, vendor_id, checked_by, outcome)
      VALUES ('d9b00000-0000-4000-8000-000000000001', 'f9b00000-0000-4000-8000-000000000005',
              'b9b00000-0000-4000-8000-000000000001', 'a9b00000-0000-4000-8000-000000000004',
              'VERIFIED')$$,
    '42501',
    'permission denied for table prescription_checks',
    'staff cannot write a check except through check_prescription'
);
RESET ROLE;

-- Who reads the checks --------------------------------------------------------------------
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    (
        SELECT reason FROM public.prescription_checks
        WHERE order_id = 'd9b00000-0000-4000-8000-000000000001'
    ),
    'Illegible: the dose cannot be read',
    'the patient reads why their prescription was rejected'
);
-- A new upload, checked afresh, opens the gate.
INSERT INTO public.order_artifacts (id, order_id, type, file_url, uploaded_by) VALUES (
    'f9b00000-0000-4000-8000-000000000003', 'd9b00000-0000-4000-8000-000000000001', 'PRESC',
    'prescriptions/a9b00000-0000-4000-8000-000000000001/rx-g1-b.jpg',
    'a9b00000-0000-4000-8000-000000000001'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000002", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    (SELECT count(*)::integer FROM public.prescription_checks),
    0,
    'another patient reads no check'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000006", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    (SELECT count(*)::integer FROM public.prescription_checks),
    0,
    'another pharmacy reads none of V1''s checks'
);
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000003', 'VERIFIED')$$,
    'OM099',
    NULL,
    'another pharmacy cannot verify a prescription for V1''s lines'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000005", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000003', 'VERIFIED')$$,
    'OM099',
    NULL,
    'a VIEWER of the pharmacy cannot verify'
);
SELECT is(
    (SELECT count(*)::integer FROM public.prescription_checks),
    1,
    'a VIEWER reads the pharmacy''s checks'
);
RESET ROLE;
SELECT set_config('request.jwt.claims', '{"role": "authenticated"}', TRUE);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000003', 'VERIFIED')$$,
    '42501',
    'check_prescription is for the signed-in staff of the selling pharmacy',
    'nobody signed in cannot check'
);
RESET ROLE;
SELECT ok(
    NOT has_function_privilege(
        'anon',
        'public.check_prescription(uuid, public.prescription_check_outcome, text, text, text)',
        'EXECUTE'
    ),
    'anon may not call check_prescription'
);
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SET LOCAL ROLE service_role;
SELECT throws_ok(
    $$INSERT INTO public.order_artifacts (order_id, type, file_url) VALUES
      ('d9b00000-0000-4000-8000-000000000001', 'PRESC',
       'prescriptions/a9b00000-0000-4000-8000-000000000002/rx.jpg')$$,
    'OM098',
    NULL,
    'not even the backend links another patient''s prescription to an order'
);
SELECT throws_ok(
    $$INSERT INTO public.prescription_checks (order_id, artifact_id, vendor_id, checked_by, outcome)
      VALUES ('d9b00000-0000-4000-8000-000000000001', 'f9b00000-0000-4000-8000-000000000003',
              'b9b00000-0000-4000-8000-000000000001', 'a9b00000-0000-4000-8000-000000000004',
              'VERIFIED')$$,
    '42501',
    'permission denied for table prescription_checks',
    'the backend cannot write a check either: a check is a pharmacist''s act'
);
RESET ROLE;

-- The pharmacist verifies the new upload: the gate opens ---------------------------------
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000004", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT results_eq(
    $$SELECT outcome::text, reason
      FROM public.check_prescription('f9b00000-0000-4000-8000-000000000003', 'VERIFIED')$$,
    $$VALUES ('VERIFIED', NULL::text)$$,
    'the pharmacist verifies the new upload'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9b00000-0000-4000-8000-000000000001'$$,
    'a verified prescription in storage opens the gate'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9b00000-0000-4000-8000-000000000006'$$,
    'an order without prescription lines needs no prescription'
);
-- Two vendors sell prescription lines: each one's pharmacist checks.
SELECT is(
    (
        SELECT count(*)::integer
        FROM public.check_prescription('f9b00000-0000-4000-8000-000000000004', 'VERIFIED')
    ),
    1,
    'V1''s pharmacist verifies for V1 only'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9b00000-0000-4000-8000-000000000003'$$,
    'OM022',
    'order d9b00000-0000-4000-8000-000000000003 holds prescription-only Gate Amoxicillin and no '
    || 'prescription of it in storage has been verified by Gate Pharmacy Two',
    'the other vendor''s prescription line still waits for its own pharmacist'
);
SELECT is(
    (
        SELECT count(*)::integer
        FROM public.check_prescription('f9b00000-0000-4000-8000-000000000005', 'VERIFIED')
    ),
    1,
    'V1''s pharmacist verifies G4''s prescription'
);
SELECT throws_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000006', 'VERIFIED')$$,
    'OM101',
    'order d9b00000-0000-4000-8000-000000000005 is OUT_FOR_DELIVERY: its prescriptions are no '
    || 'longer checked',
    'a dispatched order''s prescription is no longer checked'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000006", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$SELECT public.check_prescription('f9b00000-0000-4000-8000-000000000004', 'VERIFIED')$$,
    'V2''s owner verifies the same file for V2'
);
SELECT lives_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9b00000-0000-4000-8000-000000000003'$$,
    'with both vendors'' checks the order is confirmed'
);
RESET ROLE;

-- A file removed from storage after its check no longer opens the gate.
SELECT set_config('storage.allow_delete_query', 'true', TRUE);
DELETE FROM storage.objects
WHERE bucket_id = 'prescriptions' AND name = 'a9b00000-0000-4000-8000-000000000001/rx-g4.jpg';
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9b00000-0000-4000-8000-000000000004'$$,
    'OM022',
    NULL,
    'a verified prescription whose file was removed does not open the gate'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'CONFIRMED'
      WHERE id = 'd9b00000-0000-4000-8000-000000000002'$$,
    'OM022',
    NULL,
    'a prescription that was never uploaded does not open the gate'
);

-- The admin reads every check; the table's own rules hold for a direct write by the owner.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9b00000-0000-4000-8000-000000000007", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT is(
    (SELECT count(*)::integer FROM public.prescription_checks),
    5,
    'the admin reads every check'
);
RESET ROLE;
SELECT throws_ok(
    $$INSERT INTO public.prescription_checks (order_id, artifact_id, vendor_id, checked_by, outcome)
      VALUES ('d9b00000-0000-4000-8000-000000000001', 'f9b00000-0000-4000-8000-000000000003',
              'b9b00000-0000-4000-8000-000000000001', 'a9b00000-0000-4000-8000-000000000004',
              'VERIFIED')$$,
    '23505',
    'duplicate key value violates unique constraint '
    || '"prescription_checks_one_per_artifact_and_vendor"',
    'one check per file and vendor (prescription_checks_one_per_artifact_and_vendor)'
);
SELECT throws_ok(
    $$INSERT INTO public.prescription_checks (order_id, artifact_id, vendor_id, checked_by, outcome)
      VALUES ('d9b00000-0000-4000-8000-000000000002', 'f9b00000-0000-4000-8000-000000000002',
              'b9b00000-0000-4000-8000-000000000001', 'a9b00000-0000-4000-8000-000000000004',
              'REJECTED')$$,
    '23514',
    'new row for relation "prescription_checks" violates check constraint '
    || '"prescription_checks_rejection_has_reason"',
    'a rejection without a reason is refused by the table too'
);
SELECT results_eq(
    $$SELECT id::text, status::text FROM public.orders
      WHERE id::text LIKE 'd9b00000-%' ORDER BY id$$,
    $$VALUES
      ('d9b00000-0000-4000-8000-000000000001', 'CONFIRMED'),
      ('d9b00000-0000-4000-8000-000000000002', 'PENDING'),
      ('d9b00000-0000-4000-8000-000000000003', 'CONFIRMED'),
      ('d9b00000-0000-4000-8000-000000000004', 'PENDING'),
      ('d9b00000-0000-4000-8000-000000000005', 'OUT_FOR_DELIVERY'),
      ('d9b00000-0000-4000-8000-000000000006', 'CONFIRMED'),
      ('d9b00000-0000-4000-8000-000000000007', 'PENDING')$$,
    'only orders with a verified prescription in storage (or none needed) left PENDING'
);

SELECT * FROM finish();
ROLLBACK;
