-- log_access (change audit_trail, reworked): a read is recorded only of a record the caller
-- may see, of a listed entity type, with a small structured context that can carry no name
-- or phone number (OM110-OM113).
BEGIN;
SELECT plan(40);

-- Fixtures (as postgres): patients p1 (with a child) and p2; lab v1 (owner o1, staff s1)
-- and lab v2 (owner o2); an admin. Order x of p1 with a line of v1, its invoice, booking,
-- prescription and a refund; order y of p2 with a line of v2.
INSERT INTO auth.users (id, email)
SELECT
    ('a1100000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@access.example.in' AS email
FROM generate_series(1, 6) AS g (n);
INSERT INTO public.profiles (id, full_name, phone, role_id)
SELECT
    ('a1100000-0000-4000-8000-00000000000' || u.n)::uuid AS id,
    u.full_name,
    u.phone,
    r.id AS role_id
FROM (
    VALUES
    (1, 'Patient One', '+919800000111', 'PATIENT'),
    (2, 'Patient Two', '+919800000112', 'PATIENT'),
    (3, 'Owner One', NULL, 'VENDOR_ADMIN'),
    (4, 'Staff One', NULL, 'STAFF'),
    (5, 'Owner Two', NULL, 'VENDOR_ADMIN'),
    (6, 'Admin', NULL, 'ADMIN')
) AS u (n, full_name, phone, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES
(
    'b1100000-0000-4000-8000-000000000001', 'Lab One T11', 'DIAGNOSTIC_LAB',
    'a1100000-0000-4000-8000-000000000003', TRUE
),
(
    'b1100000-0000-4000-8000-000000000002', 'Lab Two T11', 'DIAGNOSTIC_LAB',
    'a1100000-0000-4000-8000-000000000005', TRUE
);
INSERT INTO public.vendor_staff (vendor_id, user_id, access_level) VALUES
('b1100000-0000-4000-8000-000000000001', 'a1100000-0000-4000-8000-000000000004', 'STAFF');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e1100000-0000-4000-8000-000000000001', 'Complete blood count T11', 'CBC-T11', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES (
    'e2110000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e1100000-0000-4000-8000-000000000001'
);
INSERT INTO public.availability_slots (
    id, service_catalog_id, vendor_id, start_time, end_time, booked_count
) VALUES (
    'e4110000-0000-4000-8000-000000000001', 'e2110000-0000-4000-8000-000000000001',
    'b1100000-0000-4000-8000-000000000001', now() + interval '2 days',
    now() + interval '2 days 30 minutes', 1
);
INSERT INTO public.family_members (id, owner_id, name, relation) VALUES
('f1110000-0000-4000-8000-000000000001', 'a1100000-0000-4000-8000-000000000001', 'Meera', 'CHILD');
INSERT INTO public.orders (
    id, profile_id, payment_status, payment_ref, delivery_address, delivery_state_code,
    gross_amount, tax_amount, net_amount
) VALUES
(
    'd0110000-0000-4000-8000-000000000001', 'a1100000-0000-4000-8000-000000000001', 'PAID',
    'pay_T11_1',
    '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}',
    '36', 500, 0, 500
),
(
    'd0110000-0000-4000-8000-000000000002', 'a1100000-0000-4000-8000-000000000002', 'PAID',
    'pay_T11_2',
    '{"line_1": "2 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}',
    '36', 500, 0, 500
);
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
    hsn_code, gst_rate, cgst, sgst, igst, supplier_state_code, service_snapshot
)
SELECT
    ('d1110000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    ('d0110000-0000-4000-8000-00000000000' || g.n)::uuid AS order_id,
    'e2110000-0000-4000-8000-000000000001' AS service_catalog_id,
    ('b1100000-0000-4000-8000-00000000000' || g.n)::uuid AS vendor_id,
    1 AS qty,
    500 AS unit_price,
    500 AS taxable_value,
    '9993' AS hsn_code,
    0 AS gst_rate,
    0 AS cgst,
    0 AS sgst,
    0 AS igst,
    '36' AS supplier_state_code,
    jsonb_build_object(
        'name', 'CBC', 'service_type', 'LAB_TEST', 'version', 1, 'price', 500,
        'vendor_id', 'b1100000-0000-4000-8000-00000000000' || g.n
    ) AS service_snapshot
FROM generate_series(1, 2) AS g (n);
-- The lab's bill of supply for the exempt test (as dispatch writes it).
INSERT INTO public.order_invoices (
    id, order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code
) VALUES (
    'd3110000-0000-4000-8000-000000000001', 'd0110000-0000-4000-8000-000000000001',
    'b1100000-0000-4000-8000-000000000001', 'BS/2627/000001', current_date, 'BILL_OF_SUPPLY',
    '36'
);
UPDATE public.order_items SET invoice_id = 'd3110000-0000-4000-8000-000000000001'
WHERE id = 'd1110000-0000-4000-8000-000000000001';
INSERT INTO public.service_bookings (id, order_item_id, patient_id, slot_id) VALUES (
    'd2110000-0000-4000-8000-000000000001', 'd1110000-0000-4000-8000-000000000001',
    'a1100000-0000-4000-8000-000000000001', 'e4110000-0000-4000-8000-000000000001'
);
INSERT INTO storage.objects (bucket_id, name, owner) VALUES (
    'prescriptions', 'a1100000-0000-4000-8000-000000000001/rx-t11.pdf',
    'a1100000-0000-4000-8000-000000000001'
);
INSERT INTO public.order_artifacts (id, order_id, type, file_url, uploaded_by) VALUES (
    'd4110000-0000-4000-8000-000000000001', 'd0110000-0000-4000-8000-000000000001', 'PRESC',
    'prescriptions/a1100000-0000-4000-8000-000000000001/rx-t11.pdf',
    'a1100000-0000-4000-8000-000000000001'
);
INSERT INTO public.refunds (id, order_item_id, amount, reason) VALUES (
    'd5110000-0000-4000-8000-000000000001', 'd1110000-0000-4000-8000-000000000001', 100,
    'sample haemolysed'
);

CREATE FUNCTION pg_temp.as_user(p_user text) RETURNS text LANGUAGE sql AS $$
    SELECT set_config(
        'request.jwt.claims',
        '{"sub": "a1100000-0000-4000-8000-00000000000' || p_user || '", "role": "authenticated"}',
        TRUE
    )
$$;

-- What may be recorded.
SELECT pg_temp.as_user('1');
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.log_access('audit_logs', 'd0110000-0000-4000-8000-000000000001')$$,
    'OM110',
    'log_access: reads of ''audit_logs'' are not recorded here',
    'an entity type outside the list is refused (OM110)'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'order 42')$$,
    'OM111',
    'log_access: orders has no record with that id (an id is a uuid)',
    'an id that is not a uuid is refused (OM111)'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000002',
        jsonb_build_object('purpose', 'support', 'note', repeat('Patient Two ', 100000)))$$,
    'OM112',
    NULL,
    'a context of a megabyte is refused before anything else is looked at (OM112)'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000001',
        '{"why": "Patient One called from +919800000111"}')$$,
    'OM113',
    'log_access: key ''why'' is not allowed (allowed: purpose, fields, request_id)',
    'a free-text key is refused (OM113)'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000001',
        '{"purpose": "Patient One asked"}')$$,
    'OM113',
    'log_access: purpose must be one of fulfilment, prescription_review, clinical_care, '
    'patient_request, support, dispute, legal_obligation, audit, security',
    'a purpose outside the vocabulary is refused (OM113)'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000001',
        '{"purpose": "support", "fields": ["status", "Patient One"]}')$$,
    'OM113',
    'log_access: fields must name columns of orders',
    'a field that is not a column of the entity is refused (OM113)'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000001',
        '{"request_id": "9800000111"}')$$,
    'OM113',
    'log_access: request_id must be a uuid',
    'a request id that is not a uuid is refused (OM113)'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000001',
        '["Patient One"]')$$,
    'OM113',
    'log_access: the context must be a JSON object or null',
    'a context that is not an object is refused (OM113)'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', NULL)$$,
    '22004',
    'log_access: entity type and entity id are required',
    'a NULL id is refused (22004)'
);

-- The patient p1: own records of every listed type.
SELECT lives_ok(
    $$SELECT public.log_access('orders', 'D0110000-0000-4000-8000-000000000001',
        '{"purpose": "patient_request", "fields": ["status", "net_amount"],
          "request_id": "5e110000-0000-4000-8000-000000000001"}')$$,
    'p1 records a read of their own order, with a structured context'
);
SELECT lives_ok(
    $$SELECT public.log_access('order_items', 'd1110000-0000-4000-8000-000000000001')$$,
    'p1: their order line'
);
SELECT lives_ok(
    $$SELECT public.log_access('order_invoices', 'd3110000-0000-4000-8000-000000000001')$$,
    'p1: their invoice'
);
SELECT lives_ok(
    $$SELECT public.log_access('service_bookings', 'd2110000-0000-4000-8000-000000000001')$$,
    'p1: their booking'
);
SELECT lives_ok(
    $$SELECT public.log_access('order_artifacts', 'd4110000-0000-4000-8000-000000000001',
        '{"purpose": "prescription_review", "fields": ["file_url"]}')$$,
    'p1: their prescription'
);
SELECT lives_ok(
    $$SELECT public.log_access('refunds', 'd5110000-0000-4000-8000-000000000001')$$,
    'p1: their refund'
);
SELECT lives_ok(
    $$SELECT public.log_access('profiles', 'a1100000-0000-4000-8000-000000000001')$$,
    'p1: their profile'
);
SELECT lives_ok(
    $$SELECT public.log_access('family_members', 'f1110000-0000-4000-8000-000000000001')$$,
    'p1: their family member'
);
-- ... and nobody else's.
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000002')$$,
    'OM111',
    'log_access: orders has no record d0110000-0000-4000-8000-000000000002 that you may see',
    'p1 may not record a read of p2''s order (OM111)'
);
SELECT throws_ok(
    $$SELECT public.log_access('order_items', 'd1110000-0000-4000-8000-000000000002')$$,
    'OM111',
    NULL,
    'p1: not p2''s order line'
);
SELECT throws_ok(
    $$SELECT public.log_access('profiles', 'a1100000-0000-4000-8000-000000000002')$$,
    'OM111',
    NULL,
    'p1: not p2''s profile'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', '0d110000-0000-4000-8000-000000000009')$$,
    'OM111',
    'log_access: orders has no record 0d110000-0000-4000-8000-000000000009 that you may see',
    'an order that does not exist is refused the same way'
);
RESET ROLE;
SELECT results_eq(
    $$SELECT entity_id, actor_id, actor_kind::text, after_state
      FROM public.audit_logs
      WHERE action = 'ACCESS' AND entity_type = 'orders'$$,
    $$VALUES ('d0110000-0000-4000-8000-000000000001',
              'a1100000-0000-4000-8000-000000000001'::uuid, 'user',
              '{"fields": ["status", "net_amount"], "purpose": "patient_request",
                "request_id": "5e110000-0000-4000-8000-000000000001"}'::jsonb)$$,
    'the ACCESS row names the reader and the record (id in lower case) and keeps the context'
);
SELECT is(
    (SELECT count(*)::integer FROM public.audit_logs WHERE action = 'ACCESS'),
    8,
    'eight reads recorded, none of the refused ones'
);

-- Staff s1 of v1: v1's order and line; not v2's, not the patient's profile.
SELECT pg_temp.as_user('4');
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000001',
        '{"purpose": "fulfilment"}')$$,
    'vendor staff record a read of an order holding their vendor''s line'
);
SELECT lives_ok(
    $$SELECT public.log_access('service_bookings', 'd2110000-0000-4000-8000-000000000001',
        '{"purpose": "clinical_care", "fields": ["clinical_notes"]}')$$,
    'vendor staff: a booking of their vendor'
);
SELECT lives_ok(
    $$SELECT public.log_access('order_artifacts', 'd4110000-0000-4000-8000-000000000001',
        '{"purpose": "prescription_review"}')$$,
    'vendor staff: a prescription on their vendor''s order'
);
SELECT throws_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000002')$$,
    'OM111',
    NULL,
    'vendor staff: not another vendor''s order'
);
SELECT lives_ok(
    $$SELECT public.log_access('order_invoices', 'd3110000-0000-4000-8000-000000000001')$$,
    'vendor staff: their vendor''s invoice'
);
SELECT throws_ok(
    $$SELECT public.log_access('profiles', 'a1100000-0000-4000-8000-000000000001')$$,
    'OM111',
    NULL,
    'vendor staff: not the patient''s profile (vendors see patients only through orders)'
);
SELECT throws_ok(
    $$SELECT public.log_access('family_members', 'f1110000-0000-4000-8000-000000000001')$$,
    'OM111',
    NULL,
    'vendor staff: not the patient''s family'
);

-- Owner o2 of v2: their order, not v1's invoice.
SELECT pg_temp.as_user('5');
SELECT lives_ok(
    $$SELECT public.log_access('order_items', 'd1110000-0000-4000-8000-000000000002')$$,
    'a vendor owner records a read of their vendor''s line'
);
SELECT throws_ok(
    $$SELECT public.log_access('order_invoices', 'd3110000-0000-4000-8000-000000000001')$$,
    'OM111',
    NULL,
    'a vendor owner: not another vendor''s invoice'
);
SELECT throws_ok(
    $$SELECT public.log_access('refunds', 'd5110000-0000-4000-8000-000000000001')$$,
    'OM111',
    NULL,
    'a vendor owner: not a refund of another vendor''s line'
);

-- The admin: anyone's records.
SELECT pg_temp.as_user('6');
SELECT lives_ok(
    $$SELECT public.log_access('profiles', 'a1100000-0000-4000-8000-000000000002',
        '{"purpose": "support"}')$$,
    'an admin records a read of any profile'
);
SELECT lives_ok(
    $$SELECT public.log_access('family_members', 'f1110000-0000-4000-8000-000000000001',
        '{"purpose": "legal_obligation"}')$$,
    'an admin: any family member'
);
RESET ROLE;

-- The backend: any record that exists, for the person it names.
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SELECT set_config('onemedi.actor_id', 'a1100000-0000-4000-8000-000000000006', TRUE);
SET LOCAL ROLE service_role;
SELECT lives_ok(
    $$SELECT public.log_access('orders', 'd0110000-0000-4000-8000-000000000002',
        '{"purpose": "dispute"}')$$,
    'the backend records a read of any order'
);
SELECT throws_ok(
    $$SELECT public.log_access('refunds', 'd5110000-0000-4000-8000-000000000009')$$,
    'OM111',
    NULL,
    'the backend: not a record that does not exist'
);
RESET ROLE;
SELECT results_eq(
    $$SELECT actor_kind::text, actor_id FROM public.audit_logs
      WHERE action = 'ACCESS' AND entity_id = 'd0110000-0000-4000-8000-000000000002'$$,
    $$VALUES ('service', 'a1100000-0000-4000-8000-000000000006'::uuid)$$,
    'the backend''s read is recorded as service, for the admin it named'
);

-- Nobody else may call it.
SELECT ok(
    NOT has_function_privilege('anon', 'public.log_access(text, text, jsonb)', 'execute'),
    'anon may not call log_access'
);
SELECT ok(
    NOT has_function_privilege(
        'authenticated', 'private.audit_access_context_problem(text, jsonb)', 'execute'
    ),
    'the context check is not callable through the API'
);

SELECT * FROM finish();
ROLLBACK;
