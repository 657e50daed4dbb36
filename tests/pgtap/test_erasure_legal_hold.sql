-- DPDP erasure keeps what a law requires and says so (change erase_profile, reworked): the
-- Schedule H1 register for three years, the pharmacist's checks, Schedule X prescriptions for
-- two years, the GST records; it redacts free text whole and lists every file of the person,
-- lab reports and files their orders link to outside their folders included.
BEGIN;
SELECT plan(17);

-- Fixtures: patient Nisha (to erase) and patient Omar; pharmacy V1 (owner, pharmacist) and a
-- lab V2 (owner). Nisha's orders, all settled: E1 an H1 antibiotic supplied yesterday (entered
-- in the register, its first prescription rejected with a reason holding her phone, the
-- second verified); E2 a Schedule X drug a month ago; E3 a lab test with a report and a
-- clinical note; E4 an H1 antibiotic supplied four years ago.
INSERT INTO auth.users (id, email)
SELECT
    ('a9d00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@hold.in' AS email
FROM generate_series(1, 5) AS g (n);
INSERT INTO public.profiles (id, full_name, phone, role_id)
SELECT
    ('a9d00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    CASE g.n
        WHEN 1 THEN 'Nisha Verma-Test' WHEN 2 THEN 'Omar Sheikh-Test'
        ELSE 'Hold user ' || g.n
    END AS full_name,
    CASE g.n WHEN 1 THEN '+919812312345' END AS phone,
    r.id AS role_id
FROM generate_series(1, 5) AS g (n)
INNER JOIN public.roles AS r
    ON r.name = CASE
        WHEN g.n IN (1, 2) THEN 'PATIENT'
        WHEN g.n = 4 THEN 'STAFF'
        WHEN g.n = 5 THEN 'ADMIN'
        ELSE 'VENDOR_ADMIN'
    END;
INSERT INTO public.vendors (id, name, type, owner_id) VALUES
(
    'b9d00000-0000-4000-8000-000000000001', 'Hold Pharmacy', 'PHARMACY',
    'a9d00000-0000-4000-8000-000000000003'
),
(
    'b9d00000-0000-4000-8000-000000000002', 'Hold Labs', 'DIAGNOSTIC_LAB',
    'a9d00000-0000-4000-8000-000000000003'
);
INSERT INTO public.vendor_staff (vendor_id, user_id, access_level) VALUES
('b9d00000-0000-4000-8000-000000000001', 'a9d00000-0000-4000-8000-000000000004', 'STAFF');
INSERT INTO public.medicine_master (id, name, hsn_code, prescription_required, drug_schedule)
VALUES
('e9d00000-0000-4000-8000-000000000001', 'Hold Cefixime', '3004', TRUE, 'H1'),
('e9d00000-0000-4000-8000-000000000002', 'Hold Methylphenidate', '3004', TRUE, 'X');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e9d00000-0000-4000-8000-000000000003', 'Hold HbA1c', 'HBA1C-HOLD', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    'c9d00000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
    'e9d00000-0000-4000-8000-000000000001'
),
(
    'c9d00000-0000-4000-8000-000000000002', 'MEDICINE', 'medicine_master',
    'e9d00000-0000-4000-8000-000000000002'
),
(
    'c9d00000-0000-4000-8000-000000000003', 'LAB_TEST', 'lab_tests',
    'e9d00000-0000-4000-8000-000000000003'
);
INSERT INTO public.orders (
    id, profile_id, status, payment_status, payment_ref, delivery_address, delivery_state_code,
    gross_amount, net_amount, created_at
)
SELECT
    ('d9d00000-0000-4000-8000-00000000000' || o.n)::uuid AS id,
    'a9d00000-0000-4000-8000-000000000001' AS profile_id,
    'COMPLETED' AS status,
    'PAID' AS payment_status,
    'pay_hold_' || o.n AS payment_ref,
    '{"line_1": "7 Lake View", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}'
        AS delivery_address,
    '36' AS delivery_state_code,
    0 AS gross_amount,
    0 AS net_amount,
    o.at AS created_at
FROM (
    VALUES
    (1, now() - interval '2 days'),
    (2, now() - interval '1 month'),
    (3, now() - interval '1 month'),
    (4, now() - interval '4 years')
) AS o (n, at);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, service_snapshot, supplier_state_code
)
SELECT
    ('e9d10000-0000-4000-8000-00000000000' || i.o)::uuid AS id,
    o.id AS order_id,
    ('c9d00000-0000-4000-8000-00000000000' || i.c)::uuid AS service_catalog_id,
    ('b9d00000-0000-4000-8000-00000000000' || i.v)::uuid AS vendor_id,
    1 AS qty,
    0 AS unit_price,
    0 AS taxable_value,
    i.hsn AS hsn_code,
    (public.tax_slab_for(i.hsn, (o.created_at AT TIME ZONE 'Asia/Kolkata')::date)).igst AS gst_rate,
    jsonb_build_object(
        'name', i.name, 'service_type', i.kind, 'version', 1, 'price', 0,
        'vendor_id', 'b9d00000-0000-4000-8000-00000000000' || i.v,
        'prescription_required', i.kind = 'MEDICINE', 'drug_schedule', i.sched
    ) AS service_snapshot,
    '36' AS supplier_state_code
FROM (
    VALUES
    (1, 1, 1, '3004', 'Hold Cefixime', 'MEDICINE', 'H1'),
    (2, 2, 1, '3004', 'Hold Methylphenidate', 'MEDICINE', 'X'),
    (3, 3, 2, '9993', 'Hold HbA1c', 'LAB_TEST', NULL),
    (4, 1, 1, '3004', 'Hold Cefixime', 'MEDICINE', 'H1')
) AS i (o, c, v, hsn, name, kind, sched)
INNER JOIN public.orders AS o ON o.id = ('d9d00000-0000-4000-8000-00000000000' || i.o)::uuid;
INSERT INTO public.service_bookings (order_item_id, patient_id, fulfillment_status, clinical_notes)
VALUES (
    'e9d10000-0000-4000-8000-000000000003', 'a9d00000-0000-4000-8000-000000000001', 'COMPLETED',
    'Diabetic since 2019, lives alone, call the neighbour for the door'
);
INSERT INTO storage.objects (bucket_id, name) VALUES
('prescriptions', 'a9d00000-0000-4000-8000-000000000001/rx-rejected.jpg'),
('prescriptions', 'a9d00000-0000-4000-8000-000000000001/rx-h1.jpg'),
('prescriptions', 'a9d00000-0000-4000-8000-000000000001/rx-x.jpg'),
('prescriptions', 'a9d00000-0000-4000-8000-000000000001/unattached.jpg'),
('prescriptions', 'a9d00000-0000-4000-8000-000000000002/omar.jpg'),
(
    'lab-reports',
    'a9d00000-0000-4000-8000-000000000001/d9d00000-0000-4000-8000-000000000003/report.pdf'
),
('lab-reports', 'a9d00000-0000-4000-8000-000000000001/other.pdf'),
('lab-reports', 'd9d00000-0000-4000-8000-000000000003/old-report.pdf');
INSERT INTO public.order_artifacts (id, order_id, type, file_url) VALUES
(
    'f9d00000-0000-4000-8000-000000000001', 'd9d00000-0000-4000-8000-000000000001', 'PRESC',
    'prescriptions/a9d00000-0000-4000-8000-000000000001/rx-rejected.jpg'
),
(
    'f9d00000-0000-4000-8000-000000000002', 'd9d00000-0000-4000-8000-000000000001', 'PRESC',
    'prescriptions/a9d00000-0000-4000-8000-000000000001/rx-h1.jpg'
),
(
    'f9d00000-0000-4000-8000-000000000003', 'd9d00000-0000-4000-8000-000000000002', 'PRESC',
    'prescriptions/a9d00000-0000-4000-8000-000000000001/rx-x.jpg'
),
(
    'f9d00000-0000-4000-8000-000000000004', 'd9d00000-0000-4000-8000-000000000003', 'REPORT',
    'lab-reports/a9d00000-0000-4000-8000-000000000001/d9d00000-0000-4000-8000-000000000003/'
    || 'report.pdf'
);
-- A report linked before change order_artifact_folders, outside the patient's folder (loaded
-- as a restore would, without triggers).
SET LOCAL session_replication_role = replica;
INSERT INTO public.order_artifacts (id, order_id, type, file_url) VALUES (
    'f9d00000-0000-4000-8000-000000000005', 'd9d00000-0000-4000-8000-000000000003', 'REPORT',
    'lab-reports/d9d00000-0000-4000-8000-000000000003/old-report.pdf'
);
SET LOCAL session_replication_role = origin;
INSERT INTO public.prescription_checks (
    id, order_id, artifact_id, vendor_id, checked_by, outcome, reason, prescriber_name,
    prescriber_address, checked_at
) VALUES
(
    'f9d10000-0000-4000-8000-000000000001', 'd9d00000-0000-4000-8000-000000000001',
    'f9d00000-0000-4000-8000-000000000001', 'b9d00000-0000-4000-8000-000000000001',
    'a9d00000-0000-4000-8000-000000000004', 'REJECTED',
    'Blurred; called Nisha on 9812312345 to re-upload', NULL, NULL, now() - interval '2 days'
),
(
    'f9d10000-0000-4000-8000-000000000002', 'd9d00000-0000-4000-8000-000000000001',
    'f9d00000-0000-4000-8000-000000000002', 'b9d00000-0000-4000-8000-000000000001',
    'a9d00000-0000-4000-8000-000000000004', 'VERIFIED', NULL, 'Dr. Sen',
    'Sen Clinic, Ameerpet, Hyderabad', now() - interval '2 days'
),
(
    'f9d10000-0000-4000-8000-000000000004', 'd9d00000-0000-4000-8000-000000000004', NULL,
    'b9d00000-0000-4000-8000-000000000001', 'a9d00000-0000-4000-8000-000000000004',
    'VERIFIED', NULL, 'Dr. Sen', 'Sen Clinic, Ameerpet, Hyderabad', now() - interval '4 years'
);
INSERT INTO public.schedule_h1_register (
    order_item_id, vendor_id, prescription_check_id, prescriber_name, prescriber_address,
    patient_name, drug_name, quantity, pharmacist_id, supplied_at
) VALUES
(
    'e9d10000-0000-4000-8000-000000000001', 'b9d00000-0000-4000-8000-000000000001',
    'f9d10000-0000-4000-8000-000000000002', 'Dr. Sen', 'Sen Clinic, Ameerpet, Hyderabad',
    'Nisha Verma-Test', 'Hold Cefixime', 1, 'a9d00000-0000-4000-8000-000000000004',
    now() - interval '1 day'
),
(
    'e9d10000-0000-4000-8000-000000000004', 'b9d00000-0000-4000-8000-000000000001',
    'f9d10000-0000-4000-8000-000000000004', 'Dr. Sen', 'Sen Clinic, Ameerpet, Hyderabad',
    'Nisha Verma-Test', 'Hold Cefixime', 1, 'a9d00000-0000-4000-8000-000000000004',
    now() - interval '4 years'
);

-- Where Nisha's personal strings are, over every table of public and storage.
CREATE TEMPORARY VIEW t_found AS
SELECT t.table_schema || '.' || t.table_name || ': ' || s.v AS hit
FROM information_schema.tables AS t
CROSS JOIN (VALUES ('Nisha'), ('9812312345'), ('Diabetic'), ('neighbour')) AS s (v)
WHERE
    t.table_schema IN ('public', 'storage')
    AND t.table_type = 'BASE TABLE'
    AND (
        xpath(
            '/row/c/text()',
            query_to_xml(
                format(
                    'SELECT count(*) AS c FROM %I.%I AS x WHERE x::text ILIKE %L',
                    t.table_schema, t.table_name, '%' || s.v || '%'
                ),
                FALSE, TRUE, ''
            )
        )
    )[1]::text::integer > 0;

SELECT ok(
    (SELECT count(*) FROM t_found) >= 4, 'before erasure her strings are found (the search works)'
);

SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SET LOCAL ROLE service_role;
CREATE TEMPORARY TABLE t_result ON COMMIT DROP AS
SELECT public.erase_profile('a9d00000-0000-4000-8000-000000000001') AS r;
RESET ROLE;

SELECT is(
    (SELECT r -> 'storage_objects_to_remove' FROM t_result),
    jsonb_build_array(
        'lab-reports/a9d00000-0000-4000-8000-000000000001/d9d00000-0000-4000-8000-000000000003/'
        || 'report.pdf',
        'lab-reports/a9d00000-0000-4000-8000-000000000001/other.pdf',
        'lab-reports/d9d00000-0000-4000-8000-000000000003/old-report.pdf',
        'prescriptions/a9d00000-0000-4000-8000-000000000001/rx-h1.jpg',
        'prescriptions/a9d00000-0000-4000-8000-000000000001/rx-rejected.jpg',
        'prescriptions/a9d00000-0000-4000-8000-000000000001/unattached.jpg'
    ),
    'every file of hers is listed: lab reports too, unattached files, links outside her '
    || 'folders; the Schedule X prescription is not; nobody else''s is'
);
SELECT is(
    (
        SELECT
            jsonb_build_object(
                'p', r -> 'prescription_links_deleted', 'r', r -> 'report_links_deleted',
                'h', r -> 'h1_register_entries_deleted', 't', r -> 'free_texts_scrubbed'
            )
        FROM t_result
    ),
    '{"p": 2, "r": 2, "h": 1, "t": 2}'::jsonb,
    'two prescription links and two report links go, one H1 entry past its three years, two '
    || 'free texts are redacted'
);
SELECT is(
    (SELECT (r -> 'retained' -> 'gst_records') - 'basis' FROM t_result),
    '{"orders": 4, "order_items": 4, "order_invoices": 0, "refunds": 0}'::jsonb,
    'the GST records kept are counted'
);
SELECT is(
    (SELECT (r -> 'retained' -> 'schedule_h1_register') - 'basis' FROM t_result),
    jsonb_build_object(
        'entries', 1, 'kept_until', ((now() - interval '1 day') + interval '3 years')::date
    ),
    'the H1 register entry of yesterday is kept, for three years from the supply'
);
SELECT is(
    (SELECT r -> 'retained' -> 'schedule_x_prescriptions' -> 'files' FROM t_result),
    '["prescriptions/a9d00000-0000-4000-8000-000000000001/rx-x.jpg"]'::jsonb,
    'the Schedule X prescription of last month is kept (two years)'
);
SELECT is(
    (SELECT (r -> 'retained' -> 'prescription_checks' ->> 'checks')::integer FROM t_result),
    3,
    'the pharmacist''s checks are kept'
);
SELECT ok(
    (
        SELECT
            r -> 'retained' -> 'gst_records' ->> 'basis' LIKE 'CGST Act 2017 s.36:%72 months%'
            AND r -> 'retained' -> 'schedule_h1_register' ->> 'basis'
            LIKE 'Drugs Rules 1945 r.65(3)(1)(h):%three years'
            AND r -> 'retained' -> 'schedule_x_prescriptions' ->> 'basis'
            LIKE 'Drugs Rules 1945 r.65:%two years'
        FROM t_result
    ),
    'each kept record says which law keeps it'
);
SELECT results_eq(
    $$SELECT patient_name, drug_name FROM public.schedule_h1_register
      WHERE order_item_id IN ('e9d10000-0000-4000-8000-000000000001',
                              'e9d10000-0000-4000-8000-000000000004')$$,
    $$VALUES ('Nisha Verma-Test', 'Hold Cefixime')$$,
    'the register keeps her name for the recent supply; the old entry is gone'
);
SELECT results_eq(
    $$SELECT id::text, artifact_id IS NULL, outcome::text, coalesce(reason, '-')
      FROM public.prescription_checks
      WHERE order_id::text LIKE 'd9d00000-%' ORDER BY id$$,
    $$VALUES
      ('f9d10000-0000-4000-8000-000000000001', TRUE, 'REJECTED', '[erased]'),
      ('f9d10000-0000-4000-8000-000000000002', TRUE, 'VERIFIED', '-'),
      ('f9d10000-0000-4000-8000-000000000004', TRUE, 'VERIFIED', '-')$$,
    'the checks stay as the prescription record, without their file links, reasons redacted'
);
SELECT results_eq(
    $$SELECT id::text FROM public.order_artifacts
      WHERE order_id::text LIKE 'd9d00000-%' ORDER BY id$$,
    $$VALUES ('f9d00000-0000-4000-8000-000000000003')$$,
    'only the Schedule X prescription link is left'
);
SELECT is(
    (
        SELECT clinical_notes FROM public.service_bookings
        WHERE order_item_id = 'e9d10000-0000-4000-8000-000000000003'
    ),
    '[erased]',
    'a clinical note that never names her is redacted too'
);
SELECT is(
    (SELECT array_agg(hit ORDER BY hit) FROM t_found),
    ARRAY['public.schedule_h1_register: Nisha'],
    'her name is left only in the H1 register (legal obligation); phone and health notes nowhere'
);

-- A second run erases nothing more and keeps the same records.
SET LOCAL ROLE service_role;
SELECT is(
    (
        SELECT r - 'profile_id' - 'storage_objects_to_remove' - 'retained'
        FROM (SELECT public.erase_profile('a9d00000-0000-4000-8000-000000000001') AS r) AS x
    ),
    '{"carts_deleted": 0, "orders_anonymised": 0, "addresses_deleted": 0,
      "profile_anonymised": 0, "free_texts_scrubbed": 0, "vendor_staff_deleted": 0,
      "family_members_deleted": 0, "family_members_anonymised": 0,
      "prescription_links_deleted": 0, "report_links_deleted": 0,
      "h1_register_entries_deleted": 0}'::jsonb,
    'a re-run finds nothing left to erase'
);
SELECT is(
    (
        SELECT r -> 'retained'
        FROM (SELECT public.erase_profile('a9d00000-0000-4000-8000-000000000001') AS r) AS x
    ),
    (SELECT r -> 'retained' FROM t_result),
    'and reports the same kept records'
);
RESET ROLE;
SELECT results_eq(
    $$SELECT full_name, phone FROM public.profiles
      WHERE id = 'a9d00000-0000-4000-8000-000000000002'$$,
    $$VALUES ('Omar Sheikh-Test', NULL::text)$$,
    'another patient is untouched'
);
SELECT is(
    (SELECT count(*)::integer FROM storage.objects WHERE name LIKE 'a9d00000-%'),
    7,
    'files are left to the Storage API (a direct delete would orphan their bytes)'
);

SELECT * FROM finish();
ROLLBACK;
