-- The audit trail: every insert, update and delete of the audited tables writes exactly one
-- audit row per row, with the actor, and nothing else can write audit_logs.
BEGIN;
SELECT plan(23);

-- Fixtures: an admin (the actor), a patient, a vendor owner and a vendor, a catalogue entry.
INSERT INTO auth.users (id, email) VALUES
('a7b30000-0000-4000-8000-000000000001', 'admin.a@example.in'),
('a7b30000-0000-4000-8000-000000000002', 'pat.a@example.in'),
('a7b30000-0000-4000-8000-000000000003', 'owner.a@example.in');
INSERT INTO public.profiles (id, full_name, phone, role_id)
SELECT
    u.id,
    u.n,
    u.phone,
    r.id AS role_id
FROM (
    VALUES
    ('a7b30000-0000-4000-8000-000000000001'::uuid, 'Audit Admin', NULL, 'ADMIN'),
    ('a7b30000-0000-4000-8000-000000000002', 'Audit Patient', '+919812300001', 'PATIENT'),
    ('a7b30000-0000-4000-8000-000000000003', 'Audit Owner', NULL, 'VENDOR_ADMIN')
) AS u (id, n, phone, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.vendors (id, name, type, owner_id) VALUES (
    'b7b30000-0000-4000-8000-000000000001', 'Audit Pharmacy', 'PHARMACY',
    'a7b30000-0000-4000-8000-000000000003'
);
INSERT INTO public.medicine_master (id, name, hsn_code) VALUES
('c7b50000-0000-4000-8000-000000000001', 'Auditol 10', '3004');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES (
    'c7b60000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
    'c7b50000-0000-4000-8000-000000000001'
);

-- From here on the admin acts.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b30000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);

-- roles
INSERT INTO public.roles (id, name) VALUES
('f7b30000-0000-4000-8000-000000000001', 'AUDITOR_T');
UPDATE public.roles SET permissions = '{"audit": true}'
WHERE id = 'f7b30000-0000-4000-8000-000000000001';
DELETE FROM public.roles WHERE id = 'f7b30000-0000-4000-8000-000000000001';
SELECT results_eq(
    $$SELECT action::text, actor_id, before_state ->> 'permissions', after_state ->> 'permissions'
      FROM public.audit_logs
      WHERE entity_type = 'roles' AND entity_id = 'f7b30000-0000-4000-8000-000000000001'
      ORDER BY audit_logs.action$$,
    $$VALUES
      ('INSERT', 'a7b30000-0000-4000-8000-000000000001'::uuid, NULL, '{}'),
      ('UPDATE', 'a7b30000-0000-4000-8000-000000000001', '{}', '{"audit": true}'),
      ('DELETE', 'a7b30000-0000-4000-8000-000000000001', '{"audit": true}', NULL)$$,
    'roles: insert, update and delete each leave one row with the actor and the states'
);

-- medicine_master (a version inserted, edited, deleted; a new version is an insert)
INSERT INTO public.medicine_master (id, name, hsn_code) VALUES
('c7b50000-0000-4000-8000-000000000002', 'Auditol 20', '3004');
UPDATE public.medicine_master SET strength = '20 mg'
WHERE id = 'c7b50000-0000-4000-8000-000000000002';
DELETE FROM public.medicine_master WHERE id = 'c7b50000-0000-4000-8000-000000000002';
SELECT results_eq(
    $$SELECT action::text, before_state ->> 'strength', after_state ->> 'strength'
      FROM public.audit_logs
      WHERE entity_type = 'medicine_master'
        AND entity_id = 'c7b50000-0000-4000-8000-000000000002'
      ORDER BY audit_logs.action$$,
    $$VALUES ('INSERT', NULL, NULL), ('UPDATE', NULL, '20 mg'), ('DELETE', '20 mg', NULL)$$,
    'medicine_master: insert, update and delete are logged'
);
CREATE TEMPORARY TABLE t_v2 ON COMMIT DROP AS
SELECT p.id
FROM public.publish_medicine_version(
    'c7b50000-0000-4000-8000-000000000001', '{"strength": "10 mg"}'
) AS p;
SELECT results_eq(
    $$SELECT action::text, after_state ->> 'version', after_state ->> 'parent_id'
      FROM public.audit_logs
      WHERE entity_type = 'medicine_master' AND entity_id = (SELECT id::text FROM t_v2)$$,
    $$VALUES ('INSERT', '2', 'c7b50000-0000-4000-8000-000000000001')$$,
    'publishing a medicine version logs the new version as an insert'
);

-- profiles: only a change of role is logged, and without name or phone.
UPDATE public.profiles SET full_name = 'Audit Patient Renamed'
WHERE id = 'a7b30000-0000-4000-8000-000000000002';
UPDATE public.profiles SET role_id = (SELECT id FROM public.roles WHERE name = 'STAFF')
WHERE id = 'a7b30000-0000-4000-8000-000000000002';
UPDATE public.profiles SET role_id = role_id
WHERE id = 'a7b30000-0000-4000-8000-000000000002';
SELECT results_eq(
    $$SELECT
        action::text,
        actor_id,
        (SELECT name FROM public.roles WHERE id = (before_state ->> 'role_id')::uuid),
        (SELECT name FROM public.roles WHERE id = (after_state ->> 'role_id')::uuid)
      FROM public.audit_logs
      WHERE entity_type = 'profiles' AND entity_id = 'a7b30000-0000-4000-8000-000000000002'$$,
    $$VALUES ('UPDATE', 'a7b30000-0000-4000-8000-000000000001'::uuid, 'PATIENT', 'STAFF')$$,
    'profiles: exactly one row, for the role change (not the rename, not a same-role update)'
);
SELECT ok(
    (
        SELECT
            bool_and(
                NOT (before_state ?| ARRAY['full_name', 'phone'])
                AND NOT (after_state ?| ARRAY['full_name', 'phone'])
            )
        FROM public.audit_logs
        WHERE entity_type = 'profiles' AND entity_id = 'a7b30000-0000-4000-8000-000000000002'
    ),
    'the profile''s audit row carries neither name nor phone'
);

-- vendor_kyc
INSERT INTO public.vendor_kyc (id, vendor_id, dl_number) VALUES
('f7b30000-0000-4000-8000-000000000002', 'b7b30000-0000-4000-8000-000000000001', 'TS/20/1');
UPDATE public.vendor_kyc SET verified_at = '2026-01-01 10:00:00+05:30'
WHERE id = 'f7b30000-0000-4000-8000-000000000002';
DELETE FROM public.vendor_kyc WHERE id = 'f7b30000-0000-4000-8000-000000000002';
SELECT results_eq(
    $$SELECT action::text, (before_state ->> 'verified_at') IS NULL,
             coalesce(after_state ->> 'dl_number', before_state ->> 'dl_number')
      FROM public.audit_logs
      WHERE entity_type = 'vendor_kyc' AND entity_id = 'f7b30000-0000-4000-8000-000000000002'
      ORDER BY audit_logs.action$$,
    $$VALUES ('INSERT', TRUE, 'TS/20/1'), ('UPDATE', TRUE, 'TS/20/1'),
             ('DELETE', FALSE, 'TS/20/1')$$,
    'vendor_kyc: insert, update and delete are logged'
);

-- orders (the delivery address stays out of the log)
INSERT INTO public.orders (
    id, profile_id, payment_status, payment_ref, delivery_address, delivery_state_code,
    gross_amount, tax_amount, net_amount
) VALUES
(
    'd7b30000-0000-4000-8000-000000000001', 'a7b30000-0000-4000-8000-000000000002',
    'PAID', 'pay_A1', '{"line_1": "9 Audit Lane", "city": "Hyderabad", "state_code": "36",
    "pincode": "500001", "name": "Audit Patient"}', '36', 0, 0, 0
),
(
    'd7b30000-0000-4000-8000-000000000002', 'a7b30000-0000-4000-8000-000000000002',
    'AWAITING', NULL, '{"line_1": "9 Audit Lane", "city": "Hyderabad", "state_code": "36",
    "pincode": "500001"}', '36', 0, 0, 0
);
UPDATE public.orders SET status = 'CONFIRMED'
WHERE id = 'd7b30000-0000-4000-8000-000000000002';
DELETE FROM public.orders WHERE id = 'd7b30000-0000-4000-8000-000000000002';
SELECT results_eq(
    $$SELECT action::text, actor_id, before_state ->> 'status', after_state ->> 'status'
      FROM public.audit_logs
      WHERE entity_type = 'orders' AND entity_id = 'd7b30000-0000-4000-8000-000000000002'
      ORDER BY audit_logs.action$$,
    $$VALUES
      ('INSERT', 'a7b30000-0000-4000-8000-000000000001'::uuid, NULL, 'PENDING'),
      ('UPDATE', 'a7b30000-0000-4000-8000-000000000001', 'PENDING', 'CONFIRMED'),
      ('DELETE', 'a7b30000-0000-4000-8000-000000000001', 'CONFIRMED', NULL)$$,
    'orders: insert, update and delete are logged with the actor'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.audit_logs
        WHERE
            entity_type = 'orders'
            AND entity_id = 'd7b30000-0000-4000-8000-000000000001'
            AND action = 'INSERT'
    ),
    1,
    'a two-row insert into orders logs each row once'
);
SELECT ok(
    (
        SELECT
            bool_and(
                NOT coalesce(before_state ? 'delivery_address', FALSE)
                AND NOT coalesce(after_state ? 'delivery_address', FALSE)
            )
        FROM public.audit_logs
        WHERE entity_type = 'orders'
    ),
    'no order audit row carries the delivery address'
);

-- order_items: a bulk insert of 100 lines in one statement, then an update and a delete.
INSERT INTO public.order_items (
    id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, cgst, sgst, supplier_state_code, service_snapshot
)
SELECT
    ('e7b30000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid AS id,
    'd7b30000-0000-4000-8000-000000000001' AS order_id,
    'c7b60000-0000-4000-8000-000000000001' AS service_catalog_id,
    'b7b30000-0000-4000-8000-000000000001' AS vendor_id,
    1 AS qty,
    105 AS unit_price,
    100 AS taxable_value,
    '3004' AS hsn_code,
    5 AS gst_rate,
    2.5 AS cgst,
    2.5 AS sgst,
    '36' AS supplier_state_code,
    '{"name": "Auditol 10", "service_type": "MEDICINE", "version": 1, "price": 105,
      "vendor_id": "b7b30000-0000-4000-8000-000000000001"}'::jsonb AS service_snapshot
FROM generate_series(1, 100) AS g;
SELECT is(
    (
        SELECT count(*)::integer FROM public.audit_logs
        WHERE
            entity_type = 'order_items'
            AND action = 'INSERT'
            AND entity_id LIKE 'e7b30000-0000-4000-8000-%'
            AND actor_id = 'a7b30000-0000-4000-8000-000000000001'
    ),
    100,
    'a 100-line insert writes 100 audit rows (one statement trigger)'
);
UPDATE public.order_items SET discount_amount = 0
WHERE id = 'e7b30000-0000-4000-8000-000000000001';
DELETE FROM public.order_items WHERE id = 'e7b30000-0000-4000-8000-000000000100';
SELECT results_eq(
    $$SELECT action::text, entity_id
      FROM public.audit_logs
      WHERE entity_type = 'order_items' AND action IN ('UPDATE', 'DELETE')
        AND entity_id LIKE 'e7b30000-0000-4000-8000-%'
      ORDER BY audit_logs.action$$,
    $$VALUES ('UPDATE', 'e7b30000-0000-4000-8000-000000000001'),
             ('DELETE', 'e7b30000-0000-4000-8000-000000000100')$$,
    'order_items: one row for the update and one for the delete'
);

-- refunds (the free-text reason stays out of the log)
INSERT INTO public.refunds (id, order_item_id, amount, reason) VALUES (
    'f7b30000-0000-4000-8000-000000000003', 'e7b30000-0000-4000-8000-000000000002', 50,
    'Audit Patient says damaged'
);
UPDATE public.refunds SET status = 'APPROVED'
WHERE id = 'f7b30000-0000-4000-8000-000000000003';
DELETE FROM public.refunds WHERE id = 'f7b30000-0000-4000-8000-000000000003';
SELECT results_eq(
    $$SELECT action::text, before_state ->> 'status', after_state ->> 'status',
             coalesce(before_state, after_state) ? 'reason'
      FROM public.audit_logs
      WHERE entity_type = 'refunds' AND entity_id = 'f7b30000-0000-4000-8000-000000000003'
      ORDER BY audit_logs.action$$,
    $$VALUES ('INSERT', NULL, 'REQUESTED', FALSE), ('UPDATE', 'REQUESTED', 'APPROVED', FALSE),
             ('DELETE', 'APPROVED', NULL, FALSE)$$,
    'refunds: insert, update and delete are logged, without the reason'
);

-- vendor_payouts
INSERT INTO public.vendor_payouts (
    id, vendor_id, period_start, period_end, gross, commission, net
) VALUES (
    'f7b30000-0000-4000-8000-000000000004', 'b7b30000-0000-4000-8000-000000000001',
    '2025-01-01', '2025-01-31', 100, 10, 90
);
UPDATE public.vendor_payouts SET status = 'PROCESSING'
WHERE id = 'f7b30000-0000-4000-8000-000000000004';
DELETE FROM public.vendor_payouts WHERE id = 'f7b30000-0000-4000-8000-000000000004';
SELECT results_eq(
    $$SELECT action::text, before_state ->> 'status', after_state ->> 'status'
      FROM public.audit_logs
      WHERE entity_type = 'vendor_payouts'
        AND entity_id = 'f7b30000-0000-4000-8000-000000000004'
      ORDER BY audit_logs.action$$,
    $$VALUES ('INSERT', NULL, 'PENDING'), ('UPDATE', 'PENDING', 'PROCESSING'),
             ('DELETE', 'PROCESSING', NULL)$$,
    'vendor_payouts: insert, update and delete are logged'
);

-- No actor without a user (the system).
SELECT set_config('request.jwt.claims', '', TRUE);
UPDATE public.order_items SET discount_amount = 0
WHERE id = 'e7b30000-0000-4000-8000-000000000002';
SELECT is(
    (
        SELECT actor_id FROM public.audit_logs
        WHERE
            entity_type = 'order_items'
            AND entity_id = 'e7b30000-0000-4000-8000-000000000002'
            AND action = 'UPDATE'
    ),
    NULL,
    'a change made without a user is logged with a NULL actor'
);

-- Triggers: the INSERT and DELETE ones are statement triggers with transition tables.
SELECT is(
    (
        SELECT count(*)::integer FROM pg_catalog.pg_trigger AS t
        WHERE t.tgname LIKE '%\_audit\_%' AND NOT t.tgisinternal
    ),
    53,
    'seventeen tables x insert, update, delete (gst_registrations the seventeenth), plus the '
    'profiles role change and the vendors commission change: 53 triggers'
);
SELECT is(
    (
        SELECT count(*)::integer FROM pg_catalog.pg_trigger AS t
        WHERE
            (t.tgname LIKE '%\_audit\_insert' OR t.tgname LIKE '%\_audit\_delete')
            AND (t.tgtype & 1) = 0
            AND (t.tgnewtable IS NOT NULL OR t.tgoldtable IS NOT NULL)
    ),
    34,
    'the 34 insert and delete triggers are statement triggers with transition tables'
);

-- Nobody but the trigger functions writes audit_logs.
SELECT table_privs_are(
    'public', 'audit_logs', 'service_role', ARRAY['SELECT'],
    'service_role may only read audit_logs'
);
SELECT table_privs_are(
    'public', 'audit_logs', 'authenticated', ARRAY['SELECT'],
    'authenticated may only read audit_logs'
);
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SET LOCAL ROLE service_role;
SELECT throws_ok(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state)
      VALUES ('orders', 'forged', 'INSERT', '{}')$$,
    '42501',
    'permission denied for table audit_logs',
    'service_role cannot insert audit rows directly'
);
RESET ROLE;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a7b30000-0000-4000-8000-000000000002", "role": "authenticated"}', TRUE
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state)
      VALUES ('orders', 'forged', 'INSERT', '{}')$$,
    '42501',
    'permission denied for table audit_logs',
    'authenticated cannot insert audit rows directly'
);
SELECT lives_ok(
    $$SELECT public.log_access('orders', 'd7b30000-0000-4000-8000-000000000001',
                               '{"purpose": "patient_request"}')$$,
    'log_access records a read of the patient''s own order'
);
RESET ROLE;
SELECT results_eq(
    $$SELECT action::text, actor_id, before_state IS NULL, after_state ->> 'purpose'
      FROM public.audit_logs
      WHERE entity_type = 'orders' AND action = 'ACCESS'
        AND entity_id = 'd7b30000-0000-4000-8000-000000000001'$$,
    $$VALUES ('ACCESS', 'a7b30000-0000-4000-8000-000000000002'::uuid, TRUE,
              'patient_request')$$,
    'the ACCESS row names the reader (auth.uid(), not forgeable) and its context'
);
SELECT throws_ok(
    $$SELECT public.log_access(NULL, 'x')$$,
    '22004',
    NULL,
    'log_access refuses a NULL entity'
);

SELECT * FROM finish();
ROLLBACK;
