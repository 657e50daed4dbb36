-- Who acted (changes audit_actor and audit_trail reworked) and the audit trail of prices,
-- commissions, coupons, GST slabs, invoices and coupon redemptions
-- (audit_trail_pricing_invoices).
BEGIN;
SELECT plan(33);

-- Fixtures: an admin A, a patient P, a vendor owner O; a pharmacy with one branch; a
-- medicine, a lab test, a scan, a service, a doctor; a coupon and an order that used it.
INSERT INTO auth.users (id, email)
SELECT
    ('a1300000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@actor.example.in' AS email
FROM generate_series(1, 4) AS g (n);
INSERT INTO public.profiles (id, full_name, phone, role_id)
SELECT
    ('a1300000-0000-4000-8000-00000000000' || u.n)::uuid AS id,
    u.full_name,
    u.phone,
    r.id AS role_id
FROM (
    VALUES
    (1, 'Actor Admin', NULL, 'ADMIN'),
    (2, 'Actor Patient', '+919800000013', 'PATIENT'),
    (3, 'Actor Owner', NULL, 'VENDOR_ADMIN'),
    (4, 'Actor Doctor', NULL, 'STAFF')
) AS u (n, full_name, phone, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.cities (id, state_code, name) VALUES
('c1300000-0000-4000-8000-000000000001', '36', 'Hyderabad T13');
INSERT INTO public.vendors (id, name, type, owner_id, commission_rate, is_active) VALUES (
    'b1300000-0000-4000-8000-000000000001', 'Ramesh Medicals T13', 'PHARMACY',
    'a1300000-0000-4000-8000-000000000003', 10.00, TRUE
);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES (
    'd1300000-0000-4000-8000-000000000001', 'b1300000-0000-4000-8000-000000000001',
    'c1300000-0000-4000-8000-000000000001', 'SRID=4326;POINT(78.48 17.38)'
);
INSERT INTO public.medicine_master (id, name, hsn_code) VALUES
('e1300000-0000-4000-8000-000000000001', 'Actorol 500', '3004');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e1300000-0000-4000-8000-000000000002', 'Actor CBC', 'CBC-T13', 'BLOOD');
INSERT INTO public.scans_master (id, name, body_part, modality) VALUES
('e1300000-0000-4000-8000-000000000003', 'Actor MRI', 'Brain', 'MRI');
INSERT INTO public.services_master (id, name, unit) VALUES
('e1300000-0000-4000-8000-000000000004', 'Actor Physio', 'PER_SESSION');
INSERT INTO public.doctors (id, profile_id, specialty, reg_number) VALUES (
    'e1300000-0000-4000-8000-000000000005', 'a1300000-0000-4000-8000-000000000004',
    'General Medicine', 'TSMC-T13-1'
);
INSERT INTO public.coupons (id, code, discount_type, value, valid_from, valid_to) VALUES (
    'f1300000-0000-4000-8000-000000000001', 'ACTOR13', 'FLAT', 50.00,
    now() - interval '1 day', now() + interval '30 days'
);
INSERT INTO public.orders (
    id, profile_id, delivery_address, delivery_state_code, coupon_id, gross_amount,
    discount_amount, tax_amount, net_amount
) VALUES (
    'f1300000-0000-4000-8000-000000000002', 'a1300000-0000-4000-8000-000000000002',
    '{"line_1": "1 Actor Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}',
    '36', 'f1300000-0000-4000-8000-000000000001', 100, 50, 0, 50
);

-- Who acted: a row of an audited table (roles) written under each kind of request.
CREATE TEMPORARY TABLE t_acts (n integer, role_id uuid) ON COMMIT DROP;
CREATE FUNCTION pg_temp.act(p_n integer, p_claims text, p_actor text, p_headers text)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    v_id uuid := ('f1310000-0000-4000-8000-' || lpad(p_n::text, 12, '0'))::uuid;
BEGIN
    PERFORM set_config('request.jwt.claims', p_claims, TRUE);
    PERFORM set_config('onemedi.actor_id', p_actor, TRUE);
    PERFORM set_config('request.headers', p_headers, TRUE);
    INSERT INTO public.roles (id, name) VALUES (v_id, 'ACTOR_T13_' || p_n);
    INSERT INTO t_acts VALUES (p_n, v_id);
END;
$$;
SELECT pg_temp.act(
    1, '{"sub": "a1300000-0000-4000-8000-000000000002", "role": "authenticated"}', '', ''
);
SELECT pg_temp.act(
    2, '{"sub": "a1300000-0000-4000-8000-000000000001", "role": "service_role"}', '', ''
);
SELECT pg_temp.act(3, '{"role": "service_role"}', 'a1300000-0000-4000-8000-000000000001', '');
SELECT pg_temp.act(
    4, '{"role": "service_role"}', '',
    '{"x-onemedi-actor-id": "a1300000-0000-4000-8000-000000000001"}'
);
SELECT pg_temp.act(5, '{"role": "service_role"}', '', '');
SELECT pg_temp.act(6, '{"role": "service_role"}', 'Ramesh +919800000013', '');
SELECT pg_temp.act(7, '', '', '');
SELECT pg_temp.act(8, '', 'a1300000-0000-4000-8000-000000000001', '');
SELECT pg_temp.act(
    9, '{"sub": "a1300000-0000-4000-8000-000000000002", "role": "authenticated"}',
    'a1300000-0000-4000-8000-000000000001',
    '{"x-onemedi-actor-id": "a1300000-0000-4000-8000-000000000001"}'
);
SELECT results_eq(
    $$SELECT t.n, l.actor_kind::text, l.actor_id
      FROM t_acts AS t
      INNER JOIN public.audit_logs AS l
          ON l.entity_type = 'roles' AND l.entity_id = t.role_id::text AND l.action = 'INSERT'
      ORDER BY t.n$$,
    $$VALUES
      (1, 'user', 'a1300000-0000-4000-8000-000000000002'::uuid),
      (2, 'service', 'a1300000-0000-4000-8000-000000000001'::uuid),
      (3, 'service', 'a1300000-0000-4000-8000-000000000001'::uuid),
      (4, 'service', 'a1300000-0000-4000-8000-000000000001'::uuid),
      (5, 'service', NULL),
      (6, 'service', NULL),
      (7, 'system', NULL),
      (8, 'system', 'a1300000-0000-4000-8000-000000000001'::uuid),
      (9, 'user', 'a1300000-0000-4000-8000-000000000002'::uuid)$$,
    'actor: user = sub; service = sub, else onemedi.actor_id, else the x-onemedi-actor-id '
    'header, else none; system = onemedi.actor_id; a non-uuid is ignored; a user cannot '
    'name someone else'
);
SELECT col_type_is(
    'public', 'audit_logs', 'actor_kind', 'audit_actor_kind', 'actor_kind is audit_actor_kind'
);
SELECT enum_has_labels(
    'public', 'audit_actor_kind', ARRAY['user', 'service', 'system'],
    'audit_actor_kind is user, service, system'
);
SELECT ok(
    NOT has_function_privilege('authenticated', 'private.current_audit_actor_id()', 'execute')
    AND NOT has_function_privilege('anon', 'private.current_audit_actor_kind()', 'execute')
    AND NOT has_function_privilege(
        'service_role', 'private.current_audit_actor_id()', 'execute'
    ),
    'the actor helpers are not callable by the API roles'
);
SELECT is_empty(
    $$SELECT f.name
      FROM unnest(ARRAY[
          'audit_access_context_problem', 'audit_chain_step', 'audit_guard_ddl_end',
          'audit_guard_sql_drop', 'audit_log_chain_enqueue', 'audit_log_chain_refuse_change',
          'audit_log_deleted_rows', 'audit_log_inserted_rows', 'audit_log_retained_until',
          'audit_log_row_hash', 'audit_log_updated_row', 'audit_logs_refuse_change',
          'create_audit_log_partition', 'create_audit_log_partitions', 'current_audit_actor_id',
          'current_audit_actor_kind', 'install_audit_ddl_guard', 'schedule_audit_log_jobs',
          'seal_audit_log_chain'
      ]) AS f (name)
      WHERE NOT EXISTS (
          SELECT 1 FROM pg_catalog.pg_proc AS p
          WHERE p.pronamespace = 'private'::regnamespace AND p.proname = f.name
      )$$,
    'the audit log''s trigger and internal functions are in schema private'
);
SELECT is_empty(
    $$SELECT p.proname FROM pg_catalog.pg_proc AS p
      WHERE
          p.pronamespace = 'public'::regnamespace
          AND p.proname ~ '(audit|chain)'
          AND p.proname NOT IN (
              'log_access', 'verify_audit_log_chain', 'audit_log_chain_heads',
              'audit_log_partition_status'
          )$$,
    'public keeps of the audit log only its RPCs: log_access, verify_audit_log_chain, '
    'audit_log_chain_heads, audit_log_partition_status'
);

-- From here the backend acts for the admin.
SELECT set_config('request.jwt.claims', '{"role": "service_role"}', TRUE);
SELECT set_config('onemedi.actor_id', 'a1300000-0000-4000-8000-000000000001', TRUE);
SELECT set_config('request.headers', '', TRUE);

CREATE FUNCTION pg_temp.trail(p_table text, p_id uuid, p_column text)
RETURNS TABLE (action text, before_value text, after_value text, actor_kind text)
LANGUAGE sql
AS $$
    SELECT
        l.action::text,
        l.before_state ->> p_column,
        l.after_state ->> p_column,
        l.actor_kind::text
    FROM public.audit_logs AS l
    WHERE l.entity_type = p_table AND l.entity_id = p_id::text
    ORDER BY l.action, l.created_at
$$;

-- medicine_inventory: price changes are logged, the stock that every sale moves is not.
INSERT INTO public.medicine_inventory (
    id, medicine_id, vendor_id, branch_id, stock_qty, price, mrp
) VALUES (
    'f1320000-0000-4000-8000-000000000001', 'e1300000-0000-4000-8000-000000000001',
    'b1300000-0000-4000-8000-000000000001', 'd1300000-0000-4000-8000-000000000001',
    10, 38.00, 40.00
);
UPDATE public.medicine_inventory SET stock_qty = 9
WHERE id = 'f1320000-0000-4000-8000-000000000001';
SELECT is(
    (
        SELECT count(*)::integer FROM public.audit_logs
        WHERE
            entity_type = 'medicine_inventory' AND action = 'UPDATE'
            AND entity_id = 'f1320000-0000-4000-8000-000000000001'
    ),
    0,
    'medicine_inventory: a stock-only update writes no audit row'
);
UPDATE public.medicine_inventory SET price = 39.50
WHERE id = 'f1320000-0000-4000-8000-000000000001';
UPDATE public.medicine_inventory SET mrp = 40.00, price = 39.50
WHERE id = 'f1320000-0000-4000-8000-000000000001';
DELETE FROM public.medicine_inventory WHERE id = 'f1320000-0000-4000-8000-000000000001';
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail(
        'medicine_inventory', 'f1320000-0000-4000-8000-000000000001', 'price')$$,
    $$VALUES ('INSERT', NULL, '38.00', 'service'), ('UPDATE', '38.00', '39.50', 'service'),
             ('DELETE', '39.50', NULL, 'service')$$,
    'medicine_inventory: insert, a price change and delete are logged (a same-price update '
    'is not)'
);

-- lab, scan, service and consultation prices: every insert, update and delete. (Amounts
-- keep the scale they are written with, public.inr being plain numeric: the audit row
-- records 300.00 as 300.00 and 300 as 300.)
INSERT INTO public.lab_pricing (id, test_id, vendor_id, branch_id, price, mrp) VALUES (
    'f1320000-0000-4000-8000-000000000002', 'e1300000-0000-4000-8000-000000000002',
    'b1300000-0000-4000-8000-000000000001', 'd1300000-0000-4000-8000-000000000001', 300.00, 400.00
);
UPDATE public.lab_pricing SET price = 350.00 WHERE id = 'f1320000-0000-4000-8000-000000000002';
DELETE FROM public.lab_pricing WHERE id = 'f1320000-0000-4000-8000-000000000002';
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail(
        'lab_pricing', 'f1320000-0000-4000-8000-000000000002', 'price')$$,
    $$VALUES ('INSERT', NULL, '300.00', 'service'), ('UPDATE', '300.00', '350.00', 'service'),
             ('DELETE', '350.00', NULL, 'service')$$,
    'lab_pricing: insert, update and delete are logged'
);
INSERT INTO public.scan_pricing (id, scan_id, vendor_id, branch_id, price, mrp) VALUES (
    'f1320000-0000-4000-8000-000000000003', 'e1300000-0000-4000-8000-000000000003',
    'b1300000-0000-4000-8000-000000000001', 'd1300000-0000-4000-8000-000000000001', 4000.00, 5000.00
);
UPDATE public.scan_pricing SET mrp = 4500.00 WHERE id = 'f1320000-0000-4000-8000-000000000003';
DELETE FROM public.scan_pricing WHERE id = 'f1320000-0000-4000-8000-000000000003';
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail(
        'scan_pricing', 'f1320000-0000-4000-8000-000000000003', 'mrp')$$,
    $$VALUES ('INSERT', NULL, '5000.00', 'service'), ('UPDATE', '5000.00', '4500.00', 'service'),
             ('DELETE', '4500.00', NULL, 'service')$$,
    'scan_pricing: insert, update and delete are logged'
);
INSERT INTO public.service_pricing (id, service_id, vendor_id, base_price) VALUES (
    'f1320000-0000-4000-8000-000000000004', 'e1300000-0000-4000-8000-000000000004',
    'b1300000-0000-4000-8000-000000000001', 800.00
);
UPDATE public.service_pricing SET base_price = 900.00
WHERE id = 'f1320000-0000-4000-8000-000000000004';
DELETE FROM public.service_pricing WHERE id = 'f1320000-0000-4000-8000-000000000004';
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail(
        'service_pricing', 'f1320000-0000-4000-8000-000000000004', 'base_price')$$,
    $$VALUES ('INSERT', NULL, '800.00', 'service'), ('UPDATE', '800.00', '900.00', 'service'),
             ('DELETE', '900.00', NULL, 'service')$$,
    'service_pricing: insert, update and delete are logged'
);
INSERT INTO public.consult_pricing (id, doctor_id, vendor_id, branch_id, price, mrp) VALUES (
    'f1320000-0000-4000-8000-000000000005', 'e1300000-0000-4000-8000-000000000005',
    'b1300000-0000-4000-8000-000000000001', 'd1300000-0000-4000-8000-000000000001', 500.00, 500.00
);
UPDATE public.consult_pricing SET price = 450.00
WHERE id = 'f1320000-0000-4000-8000-000000000005';
DELETE FROM public.consult_pricing WHERE id = 'f1320000-0000-4000-8000-000000000005';
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail(
        'consult_pricing', 'f1320000-0000-4000-8000-000000000005', 'price')$$,
    $$VALUES ('INSERT', NULL, '500.00', 'service'), ('UPDATE', '500.00', '450.00', 'service'),
             ('DELETE', '450.00', NULL, 'service')$$,
    'consult_pricing: insert, update and delete are logged'
);

-- vendors: a commission change, without the name (it may be a proprietor's own).
UPDATE public.vendors SET is_active = FALSE
WHERE id = 'b1300000-0000-4000-8000-000000000001';
UPDATE public.vendors SET commission_rate = 12.50
WHERE id = 'b1300000-0000-4000-8000-000000000001';
UPDATE public.vendors SET commission_rate = 12.50, is_active = TRUE
WHERE id = 'b1300000-0000-4000-8000-000000000001';
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail(
        'vendors', 'b1300000-0000-4000-8000-000000000001', 'commission_rate')$$,
    $$VALUES ('UPDATE', '10.00', '12.50', 'service')$$,
    'vendors: exactly one row, for the commission change (not for is_active, not for a '
    'same-rate update)'
);
SELECT ok(
    (
        SELECT
            NOT (before_state ? 'name') AND NOT (after_state ? 'name')
            AND after_state ->> 'owner_id' = 'a1300000-0000-4000-8000-000000000003'
        FROM public.audit_logs
        WHERE entity_type = 'vendors' AND entity_id = 'b1300000-0000-4000-8000-000000000001'
    ),
    'the commission change row keeps the vendor''s owner and rate, not its name'
);
SELECT is(
    (
        SELECT actor_id FROM public.audit_logs
        WHERE entity_type = 'vendors' AND entity_id = 'b1300000-0000-4000-8000-000000000001'
    ),
    'a1300000-0000-4000-8000-000000000001'::uuid,
    'the commission change names the admin the backend acted for'
);

-- coupons and GST slabs.
UPDATE public.coupons SET value = 75.00 WHERE id = 'f1300000-0000-4000-8000-000000000001';
INSERT INTO public.coupons (id, code, discount_type, value, valid_from, valid_to) VALUES (
    'f1320000-0000-4000-8000-000000000006', 'GONE13', 'PERCENT', 10.00,
    now() - interval '1 day', now() + interval '1 day'
);
DELETE FROM public.coupons WHERE id = 'f1320000-0000-4000-8000-000000000006';
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail('coupons', 'f1300000-0000-4000-8000-000000000001', 'value')
      UNION ALL
      SELECT * FROM pg_temp.trail('coupons', 'f1320000-0000-4000-8000-000000000006', 'value')$$,
    $$VALUES ('INSERT', NULL, '50.00', 'system'), ('UPDATE', '50.00', '75.00', 'service'),
             ('INSERT', NULL, '10.00', 'service'), ('DELETE', '10.00', NULL, 'service')$$,
    'coupons: insert (the fixture''s, by the system), update and delete are logged'
);
INSERT INTO public.tax_slabs (
    id, hsn_code, description, cgst, sgst, igst, effective_from, notification
) VALUES (
    'f1320000-0000-4000-8000-000000000007', '998799', 'Test services T13', 9, 9, 18,
    '2020-01-01', 'Notification T13'
);
UPDATE public.tax_slabs SET effective_to = '2030-12-31'
WHERE id = 'f1320000-0000-4000-8000-000000000007';
DELETE FROM public.tax_slabs WHERE id = 'f1320000-0000-4000-8000-000000000007';
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail(
        'tax_slabs', 'f1320000-0000-4000-8000-000000000007', 'effective_to')$$,
    $$VALUES ('INSERT', NULL, NULL, 'service'), ('UPDATE', NULL, '2030-12-31', 'service'),
             ('DELETE', '2030-12-31', NULL, 'service')$$,
    'tax_slabs: insert, update and delete are logged'
);

-- invoices and coupon redemptions, DELETE included.
INSERT INTO public.order_invoices (
    id, order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code
) VALUES (
    'f1320000-0000-4000-8000-000000000008', 'f1300000-0000-4000-8000-000000000002',
    'b1300000-0000-4000-8000-000000000001', 'BS/2627/000001', current_date, 'BILL_OF_SUPPLY',
    '36'
);
-- An issued document is kept as issued (OM075, change tax_documents): its trail is the
-- insert alone.
SELECT throws_ok(
    $$UPDATE public.order_invoices SET invoice_number = 'BS/2627/000002'
      WHERE id = 'f1320000-0000-4000-8000-000000000008'$$,
    'OM075', NULL, 'an issued document is not renumbered'
);
SELECT throws_ok(
    $$DELETE FROM public.order_invoices WHERE id = 'f1320000-0000-4000-8000-000000000008'$$,
    'OM075', NULL, 'an issued document is not deleted'
);
SELECT results_eq(
    $$SELECT * FROM pg_temp.trail(
        'order_invoices', 'f1320000-0000-4000-8000-000000000008', 'invoice_number')$$,
    $$VALUES ('INSERT', NULL, 'BS/2627/000001', 'service')$$,
    'order_invoices: the issue is logged, and nothing else happened to it'
);
INSERT INTO public.coupon_redemptions (id, coupon_id, order_id, profile_id) VALUES (
    'f1320000-0000-4000-8000-000000000009', 'f1300000-0000-4000-8000-000000000001',
    'f1300000-0000-4000-8000-000000000002', 'a1300000-0000-4000-8000-000000000002'
);
UPDATE public.coupon_redemptions SET redeemed_at = redeemed_at
WHERE id = 'f1320000-0000-4000-8000-000000000009';
DELETE FROM public.coupon_redemptions WHERE id = 'f1320000-0000-4000-8000-000000000009';
SELECT results_eq(
    $$SELECT action, before_value IS NULL, after_value IS NULL, actor_kind
      FROM pg_temp.trail(
        'coupon_redemptions', 'f1320000-0000-4000-8000-000000000009', 'order_id')$$,
    $$VALUES ('INSERT', TRUE, FALSE, 'service'), ('UPDATE', FALSE, FALSE, 'service'),
             ('DELETE', FALSE, TRUE, 'service')$$,
    'coupon_redemptions: insert, update and delete are logged'
);

-- A signed-in admin's change names the admin, from their own JWT.
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a1300000-0000-4000-8000-000000000001", "role": "authenticated"}', TRUE
);
SELECT set_config('onemedi.actor_id', '', TRUE);
SET LOCAL ROLE authenticated;
UPDATE public.vendors SET commission_rate = 15.00
WHERE id = 'b1300000-0000-4000-8000-000000000001';
RESET ROLE;
SELECT results_eq(
    $$SELECT actor_kind::text, actor_id, after_state ->> 'commission_rate'
      FROM public.audit_logs
      WHERE entity_type = 'vendors' AND entity_id = 'b1300000-0000-4000-8000-000000000001'
          AND after_state ->> 'commission_rate' = '15.00'$$,
    $$VALUES ('user', 'a1300000-0000-4000-8000-000000000001'::uuid, '15.00')$$,
    'an admin''s own commission change through the API is logged as user with their id'
);

-- The triggers.
SELECT is(
    (
        SELECT count(*)::integer FROM pg_catalog.pg_trigger AS t
        WHERE
            t.tgname LIKE '%\_audit\_%' AND NOT t.tgisinternal
            AND t.tgrelid IN (
                'public.medicine_inventory'::regclass, 'public.lab_pricing'::regclass,
                'public.scan_pricing'::regclass, 'public.service_pricing'::regclass,
                'public.consult_pricing'::regclass, 'public.vendors'::regclass,
                'public.coupons'::regclass, 'public.tax_slabs'::regclass,
                'public.order_invoices'::regclass, 'public.coupon_redemptions'::regclass
            )
    ),
    28,
    'nine tables x insert, update, delete, plus the vendors commission change: 28 triggers'
);
SELECT trigger_is(
    'public', 'vendors', 'vendors_audit_commission_change', 'private', 'audit_log_updated_row',
    'the commission trigger writes through audit_log_updated_row'
);
SELECT trigger_is(
    'public', 'coupon_redemptions', 'coupon_redemptions_audit_delete', 'private',
    'audit_log_deleted_rows', 'a redemption''s DELETE is logged by audit_log_deleted_rows'
);

-- The defaults stand for every writer: log_access and erase_profile included.
SELECT col_default_is(
    'public', 'audit_logs', 'actor_kind', 'private.current_audit_actor_kind()',
    'actor_kind defaults to current_audit_actor_kind()'
);
SELECT col_default_is(
    'public', 'audit_logs', 'actor_id', 'private.current_audit_actor_id()',
    'actor_id defaults to current_audit_actor_id()'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.audit_logs
        WHERE actor_kind IS NULL AND created_at >= now() - interval '1 minute'
    ),
    0,
    'no new audit row lacks its actor kind'
);
SELECT ok(
    (
        SELECT bool_and(actor_kind IS NOT NULL)
        FROM public.audit_logs WHERE
            entity_type = 'orders'
            AND entity_id = 'f1300000-0000-4000-8000-000000000002'
    ),
    'the order''s own audit row has its actor kind'
);
SELECT is(
    (
        SELECT actor_kind::text FROM public.audit_logs
        WHERE
            entity_type = 'orders' AND entity_id = 'f1300000-0000-4000-8000-000000000002'
            AND action = 'INSERT'
    ),
    'system',
    'the fixture''s order was written by the system (no claims were set)'
);
SELECT is(
    (
        SELECT actor_kind::text FROM public.audit_logs
        WHERE
            entity_type = 'medicine_inventory' AND action = 'INSERT'
            AND entity_id = 'f1320000-0000-4000-8000-000000000001'
    ),
    'service',
    'the inventory row was inserted by the backend'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.audit_logs
        WHERE
            entity_type = 'medicine_inventory'
            AND entity_id = 'f1320000-0000-4000-8000-000000000001'
    ),
    3,
    'medicine_inventory: three rows in all (insert, one price change, delete)'
);
SELECT is(
    (
        SELECT after_state ->> 'stock_qty' FROM public.audit_logs
        WHERE
            entity_type = 'medicine_inventory' AND action = 'UPDATE'
            AND entity_id = 'f1320000-0000-4000-8000-000000000001'
    ),
    '9',
    'the price change row shows the whole row, the stock too'
);

SELECT * FROM finish();
ROLLBACK;
