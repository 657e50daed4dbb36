-- DPDP erasure: erase_profile removes or anonymises a patient's personal data, keeps the
-- financial records, logs an ERASE row without personal data, and is idempotent.
BEGIN;
SELECT plan(27);

-- Fixtures: admin, patient Meera (to erase), patient Ravi (in progress), a vendor owner.
INSERT INTO auth.users (id, email) VALUES
('a7b40000-0000-4000-8000-000000000001', 'admin.e@example.in'),
('a7b40000-0000-4000-8000-000000000002', 'meera.e@example.in'),
('a7b40000-0000-4000-8000-000000000003', 'ravi.e@example.in'),
('a7b40000-0000-4000-8000-000000000004', 'owner.e@example.in');
INSERT INTO public.profiles (id, full_name, phone, role_id)
SELECT
    u.id,
    u.n,
    u.phone,
    r.id AS role_id
FROM (
    VALUES
    ('a7b40000-0000-4000-8000-000000000001'::uuid, 'Erase Admin', NULL, 'ADMIN'),
    ('a7b40000-0000-4000-8000-000000000002', 'Meera Iyer-Test', '+919876512345', 'PATIENT'),
    ('a7b40000-0000-4000-8000-000000000003', 'Ravi Kumar-Test', '+919876512346', 'PATIENT'),
    ('a7b40000-0000-4000-8000-000000000004', 'Erase Owner', NULL, 'VENDOR_ADMIN')
) AS u (id, n, phone, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.vendors (id, name, type, owner_id) VALUES (
    'b7b40000-0000-4000-8000-000000000001', 'Erase Labs', 'DIAGNOSTIC_LAB',
    'a7b40000-0000-4000-8000-000000000004'
);
INSERT INTO public.cities (id, state_code, name) VALUES
('c7b70000-0000-4000-8000-000000000001', '36', 'Erasabad');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('c7b70000-0000-4000-8000-000000000002', 'Thyroid panel', 'TSH-E7B', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES (
    'c7b70000-0000-4000-8000-000000000003', 'LAB_TEST', 'lab_tests',
    'c7b70000-0000-4000-8000-000000000002'
);
INSERT INTO public.family_members (id, owner_id, name, relation, dob, medical_history) VALUES
(
    'f7b40000-0000-4000-8000-000000000001', 'a7b40000-0000-4000-8000-000000000002',
    'Kavya Iyer', 'CHILD', '2015-06-01', '{"allergy": "penicillin"}'
),
(
    'f7b40000-0000-4000-8000-000000000002', 'a7b40000-0000-4000-8000-000000000002',
    'Rohan Iyer', 'SPOUSE', NULL, '{}'
);
INSERT INTO public.addresses (id, profile_id, line_1, line_2, city_id, pincode) VALUES (
    'f7b40000-0000-4000-8000-000000000003', 'a7b40000-0000-4000-8000-000000000002',
    'Flat 12 Lotus Residency', 'Banjara Hills Road 3', 'c7b70000-0000-4000-8000-000000000001',
    '500034'
);
INSERT INTO public.carts (id, profile_id) VALUES
('f7b40000-0000-4000-8000-000000000004', 'a7b40000-0000-4000-8000-000000000002');
INSERT INTO public.cart_items (cart_id, service_catalog_id) VALUES
('f7b40000-0000-4000-8000-000000000004', 'c7b70000-0000-4000-8000-000000000003');
INSERT INTO public.orders (
    id, profile_id, status, payment_status, payment_ref, address_id, delivery_address,
    delivery_state_code, gross_amount, net_amount
) VALUES
(
    'd7b40000-0000-4000-8000-000000000001', 'a7b40000-0000-4000-8000-000000000002',
    'COMPLETED', 'PAID', 'pay_E1', 'f7b40000-0000-4000-8000-000000000003',
    '{"name": "Meera Iyer-Test", "phone": "+919876512345",
      "line_1": "Flat 12 Lotus Residency", "line_2": "Banjara Hills Road 3",
      "city": "Erasabad", "state_code": "36", "pincode": "500034"}',
    '36', 800, 800
),
(
    'd7b40000-0000-4000-8000-000000000002', 'a7b40000-0000-4000-8000-000000000003',
    'CONFIRMED', 'PAID', 'pay_E2',
    NULL, '{"line_1": "4 Ravi Street", "city": "Erasabad", "state_code": "36",
    "pincode": "500034"}', '36', 800, 800
);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, service_snapshot, supplier_state_code
)
SELECT
    i.id,
    i.order_id,
    'c7b70000-0000-4000-8000-000000000003' AS service_catalog_id,
    'b7b40000-0000-4000-8000-000000000001' AS vendor_id,
    1 AS qty,
    800 AS unit_price,
    800 AS taxable_value,
    '9993' AS hsn_code,
    0 AS gst_rate,
    '{"name": "Thyroid panel", "service_type": "LAB_TEST", "version": 1, "price": 800,
      "vendor_id": "b7b40000-0000-4000-8000-000000000001"}'::jsonb AS service_snapshot,
    '36' AS supplier_state_code
FROM (
    VALUES
    (
        'e7b40000-0000-4000-8000-000000000001'::uuid,
        'd7b40000-0000-4000-8000-000000000001'::uuid
    ),
    ('e7b40000-0000-4000-8000-000000000002', 'd7b40000-0000-4000-8000-000000000002')
) AS i (id, order_id);
-- The lab's bill of supply for the exempt test (written as dispatch would have).
INSERT INTO public.order_invoices (
    order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code
) VALUES (
    'd7b40000-0000-4000-8000-000000000001', 'b7b40000-0000-4000-8000-000000000001',
    'BS/2627/000001', '2026-11-01', 'BILL_OF_SUPPLY', '36'
);
INSERT INTO public.service_bookings (
    order_item_id, patient_id, family_member_id, fulfillment_status, clinical_notes
) VALUES (
    'e7b40000-0000-4000-8000-000000000001', 'a7b40000-0000-4000-8000-000000000002',
    'f7b40000-0000-4000-8000-000000000001', 'COMPLETED',
    'Kavya Iyer: fasting sample collected at home'
);
INSERT INTO public.refunds (order_item_id, amount, reason, status, processed_at, gateway_ref)
VALUES (
    'e7b40000-0000-4000-8000-000000000001', 100, 'Meera Iyer-Test was charged twice',
    'PROCESSED', now(), 'rf_e1'
);
INSERT INTO storage.buckets (id, name) VALUES ('prescriptions', 'prescriptions')
ON CONFLICT (id) DO NOTHING;
INSERT INTO storage.objects (bucket_id, name, owner) VALUES
(
    'prescriptions', 'a7b40000-0000-4000-8000-000000000002/rx-1.jpg',
    'a7b40000-0000-4000-8000-000000000002'
),
(
    'prescriptions', 'a7b40000-0000-4000-8000-000000000003/rx-9.jpg',
    'a7b40000-0000-4000-8000-000000000003'
);
INSERT INTO public.order_artifacts (order_id, type, file_url, uploaded_by) VALUES (
    'd7b40000-0000-4000-8000-000000000001', 'PRESC',
    'prescriptions/a7b40000-0000-4000-8000-000000000002/rx-1.jpg',
    'a7b40000-0000-4000-8000-000000000002'
);

-- Where personal strings of Meera's are found, over every table of public and storage.
CREATE TEMPORARY TABLE t_strings (v text) ON COMMIT DROP;
INSERT INTO t_strings VALUES
('Meera'), ('9876512345'), ('Kavya'), ('Rohan'), ('Lotus Residency'), ('Banjara'),
('penicillin'), ('2015-06-01');
CREATE TEMPORARY VIEW t_found AS
SELECT t.table_schema || '.' || t.table_name || ': ' || s.v AS hit
FROM information_schema.tables AS t
CROSS JOIN t_strings AS s
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
    (SELECT count(*) FROM t_found) >= 8,
    'before erasure the personal strings are found (the search works)'
);

-- Structure and who may erase.
SELECT has_function('public', 'erase_profile', ARRAY['uuid'], 'erase_profile exists');
SELECT is_definer('public', 'erase_profile', ARRAY['uuid']);
SELECT ok(
    NOT has_function_privilege('anon', 'public.erase_profile(uuid)', 'execute'),
    'anon may not call erase_profile'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b40000-0000-4000-8000-000000000002", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.erase_profile('a7b40000-0000-4000-8000-000000000002')$$,
    '42501',
    'erase_profile is for admins and the service role only',
    'a patient cannot erase (even themselves) through the API'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b40000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
SELECT throws_ok(
    $$SELECT public.erase_profile('a7b40000-0000-4000-8000-0000000000ff')$$,
    'OM050',
    'profile a7b40000-0000-4000-8000-0000000000ff not found',
    'an unknown profile is refused'
);
SELECT throws_ok(
    $$SELECT public.erase_profile('a7b40000-0000-4000-8000-000000000001')$$,
    'OM051',
    'profile a7b40000-0000-4000-8000-000000000001 is an admin and cannot be erased',
    'an admin cannot be erased'
);
SELECT throws_ok(
    $$SELECT public.erase_profile('a7b40000-0000-4000-8000-000000000004')$$,
    'OM051',
    'profile a7b40000-0000-4000-8000-000000000004 owns a vendor and cannot be erased',
    'a vendor owner cannot be erased'
);
SELECT throws_ok(
    $$SELECT public.erase_profile('a7b40000-0000-4000-8000-000000000003')$$,
    'OM052',
    'profile a7b40000-0000-4000-8000-000000000003 still has orders in progress or refunds '
    || 'not settled',
    'a patient with an order in progress cannot be erased yet'
);
SELECT throws_ok(
    $$SELECT public.erase_profile(NULL)$$, '22004', NULL, 'a NULL id is refused'
);

-- The admin erases Meera.
CREATE TEMPORARY TABLE t_result ON COMMIT DROP AS
SELECT public.erase_profile('a7b40000-0000-4000-8000-000000000002') AS r;
RESET ROLE;
SELECT is(
    (SELECT r - 'profile_id' - 'retained' FROM t_result),
    '{"carts_deleted": 1, "orders_anonymised": 1, "addresses_deleted": 1,
      "profile_anonymised": 1, "free_texts_scrubbed": 2, "vendor_staff_deleted": 0,
      "family_members_deleted": 1, "family_members_anonymised": 1,
      "prescription_links_deleted": 1, "report_links_deleted": 0,
      "h1_register_entries_deleted": 0,
      "storage_objects_to_remove":
        ["prescriptions/a7b40000-0000-4000-8000-000000000002/rx-1.jpg"]}'::jsonb,
    'the result counts what was erased and lists the files for the Storage API'
);
SELECT is(
    (SELECT array_agg(hit ORDER BY hit) FROM t_found),
    NULL,
    'no personal string of Meera is left in any table of public or storage'
);
SELECT results_eq(
    $$SELECT full_name, phone FROM public.profiles
      WHERE id = 'a7b40000-0000-4000-8000-000000000002'$$,
    $$VALUES ('[erased]', NULL::text)$$,
    'the profile is anonymised'
);
SELECT results_eq(
    $$SELECT delivery_address, address_id, status::text, payment_status::text, net_amount::numeric
      FROM public.orders WHERE id = 'd7b40000-0000-4000-8000-000000000001'$$,
    $$VALUES ('{"line_1": "[erased]", "city": "Erasabad", "state_code": "36",
               "pincode": "500034"}'::jsonb, NULL::uuid, 'COMPLETED', 'PAID', 800.00)$$,
    'the order is kept with only the place of supply in its delivery snapshot'
);
SELECT results_eq(
    $$SELECT
        (SELECT count(*) FROM public.order_items
         WHERE order_id = 'd7b40000-0000-4000-8000-000000000001'),
        (SELECT count(*) FROM public.order_invoices
         WHERE order_id = 'd7b40000-0000-4000-8000-000000000001'),
        (SELECT count(*) FROM public.refunds
         WHERE order_item_id = 'e7b40000-0000-4000-8000-000000000001'),
        (SELECT count(*) FROM public.service_bookings
         WHERE patient_id = 'a7b40000-0000-4000-8000-000000000002')$$,
    $$VALUES (1::bigint, 1::bigint, 1::bigint, 1::bigint)$$,
    'order lines, invoice, refund and booking are kept'
);
SELECT results_eq(
    $$SELECT name, relation, dob, medical_history FROM public.family_members
      WHERE owner_id = 'a7b40000-0000-4000-8000-000000000002'$$,
    $$VALUES ('[erased]', 'CHILD', NULL::date, '{}'::jsonb)$$,
    'the booked family member is anonymised, the other deleted'
);
SELECT is(
    (
        SELECT clinical_notes FROM public.service_bookings
        WHERE patient_id = 'a7b40000-0000-4000-8000-000000000002'
    ),
    '[erased]',
    'clinical notes are redacted whole (they describe the person without naming them)'
);
SELECT is(
    (
        SELECT reason FROM public.refunds
        WHERE order_item_id = 'e7b40000-0000-4000-8000-000000000001'
    ),
    '[erased]',
    'refund reasons are redacted whole'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.order_artifacts
        WHERE order_id = 'd7b40000-0000-4000-8000-000000000001'
    ),
    0,
    'the prescription link is deleted'
);
SELECT results_eq(
    $$SELECT actor_id, before_state IS NULL, after_state ->> 'addresses_deleted'
      FROM public.audit_logs
      WHERE entity_type = 'profiles' AND entity_id = 'a7b40000-0000-4000-8000-000000000002'
        AND action = 'ERASE'$$,
    $$VALUES ('a7b40000-0000-4000-8000-000000000001'::uuid, TRUE, '1')$$,
    'one ERASE audit row, by the admin, holding counts only'
);

-- Idempotent, also for the service role.
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SET LOCAL ROLE service_role;
SELECT is(
    (
        SELECT r - 'profile_id' - 'storage_objects_to_remove' - 'retained'
        FROM (
            SELECT public.erase_profile('a7b40000-0000-4000-8000-000000000002') AS r
        ) AS x
    ),
    '{"carts_deleted": 0, "orders_anonymised": 0, "addresses_deleted": 0,
      "profile_anonymised": 0, "free_texts_scrubbed": 0, "vendor_staff_deleted": 0,
      "family_members_deleted": 0, "family_members_anonymised": 0,
      "prescription_links_deleted": 0, "report_links_deleted": 0,
      "h1_register_entries_deleted": 0}'::jsonb,
    'a second erasure (by the service role) finds nothing left to erase'
);
RESET ROLE;
SELECT is(
    (
        SELECT count(*)::integer FROM public.audit_logs
        WHERE
            entity_type = 'profiles'
            AND entity_id = 'a7b40000-0000-4000-8000-000000000002'
            AND action = 'ERASE'
    ),
    1,
    'the re-run writes no second ERASE row'
);
SELECT is(
    (SELECT array_agg(hit ORDER BY hit) FROM t_found),
    NULL,
    'still no personal string after the re-run'
);

-- Others untouched.
SELECT results_eq(
    $$SELECT full_name, phone FROM public.profiles
      WHERE id = 'a7b40000-0000-4000-8000-000000000003'$$,
    $$VALUES ('Ravi Kumar-Test', '+919876512346')$$,
    'another patient''s profile is untouched'
);
SELECT is(
    (
        SELECT delivery_address ->> 'line_1' FROM public.orders
        WHERE id = 'd7b40000-0000-4000-8000-000000000002'
    ),
    '4 Ravi Street',
    'another patient''s order is untouched'
);
SELECT is(
    (SELECT count(*)::integer FROM storage.objects WHERE bucket_id = 'prescriptions'),
    2,
    'storage rows are left to the Storage API (no direct delete that would orphan the files)'
);
SELECT ok(
    (SELECT count(*) FROM auth.users WHERE id = 'a7b40000-0000-4000-8000-000000000002') = 1,
    'the auth user is left for the backend to soft-delete through the Auth admin API'
);

SELECT * FROM finish();
ROLLBACK;
