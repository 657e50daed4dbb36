-- Doctor consultation fees (consult_pricing): structure, constraints, RLS, and checkout of a
-- DOCTOR_CONSULT line through place_order (fee, SAC 9993 exempt, slot seat and booking).
BEGIN;
SELECT plan(44);
SET LOCAL timezone = 'UTC';

-- Fixtures: patient P; doctors D1 (listed) and D2 (not listed); hospital H1 (owner O1,
-- staff S1, viewer W1) with branches in Bengaluru and Mumbai; clinic H2 (owner O2).
INSERT INTO auth.users (id, email)
SELECT
    ('a9c00000-0000-4000-8000-00000000000' || g.n)::uuid AS id,
    'u' || g.n || '@consult.example.in' AS email
FROM generate_series(1, 7) AS g (n);
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    ('a9c00000-0000-4000-8000-00000000000' || u.n)::uuid AS id,
    u.full_name,
    r.id AS role_id
FROM (
    VALUES
    (1, 'Asha Rao', 'PATIENT'),
    (2, 'Dr Meera Iyer', 'STAFF'),
    (3, 'Dr Kiran Shah', 'STAFF'),
    (4, 'Owner One', 'VENDOR_ADMIN'),
    (5, 'Staff One', 'STAFF'),
    (6, 'Viewer One', 'STAFF'),
    (7, 'Owner Two', 'VENDOR_ADMIN')
) AS u (n, full_name, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.cities (id, state_code, name) VALUES
('c9c00000-0000-4000-8000-000000000001', '29', 'Bengaluru T9C'),
('c9c00000-0000-4000-8000-000000000002', '27', 'Mumbai T9C');
INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES
(
    'b9c00000-0000-4000-8000-000000000001', 'Hospital T9C', 'HOSPITAL',
    'a9c00000-0000-4000-8000-000000000004', TRUE
),
(
    'b9c00000-0000-4000-8000-000000000002', 'Clinic T9C', 'HOSPITAL',
    'a9c00000-0000-4000-8000-000000000007', TRUE
);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES
(
    'd9c00000-0000-4000-8000-000000000001', 'b9c00000-0000-4000-8000-000000000001',
    'c9c00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.59 12.97)'
),
(
    'd9c00000-0000-4000-8000-000000000002', 'b9c00000-0000-4000-8000-000000000001',
    'c9c00000-0000-4000-8000-000000000002', 'SRID=4326;POINT(72.82 18.94)'
),
(
    'd9c00000-0000-4000-8000-000000000003', 'b9c00000-0000-4000-8000-000000000002',
    'c9c00000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.60 12.98)'
);
INSERT INTO public.vendor_staff (vendor_id, user_id, access_level) VALUES
('b9c00000-0000-4000-8000-000000000001', 'a9c00000-0000-4000-8000-000000000005', 'STAFF'),
('b9c00000-0000-4000-8000-000000000001', 'a9c00000-0000-4000-8000-000000000006', 'VIEWER');
INSERT INTO public.doctors (id, profile_id, specialty, reg_number) VALUES
(
    'e9c00000-0000-4000-8000-000000000001', 'a9c00000-0000-4000-8000-000000000002',
    'Cardiology', 'KMC-T9C-1'
),
(
    'e9c00000-0000-4000-8000-000000000002', 'a9c00000-0000-4000-8000-000000000003',
    'Dermatology', 'KMC-T9C-2'
);
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    '59c00000-0000-4000-8000-000000000001', 'DOCTOR_CONSULT', 'doctors',
    'e9c00000-0000-4000-8000-000000000001'
);
INSERT INTO public.availability_slots (
    id, service_catalog_id, vendor_id, branch_id, start_time, end_time, capacity
) VALUES (
    '5a9c0000-0000-4000-8000-000000000001', '59c00000-0000-4000-8000-000000000001',
    'b9c00000-0000-4000-8000-000000000001', 'd9c00000-0000-4000-8000-000000000001',
    now() + interval '1 day', now() + interval '1 day 15 minutes', 2
);
INSERT INTO public.addresses (id, profile_id, line_1, city_id, pincode) VALUES (
    'ad9c0000-0000-4000-8000-000000000001', 'a9c00000-0000-4000-8000-000000000001',
    '1 MG Road', 'c9c00000-0000-4000-8000-000000000001', '560001'
);
INSERT INTO public.carts (id, profile_id) VALUES
('0c9c0000-0000-4000-8000-000000000001', 'a9c00000-0000-4000-8000-000000000001');
INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id, slot_id)
VALUES (
    '0c9c0000-0000-4000-8000-000000000001', '59c00000-0000-4000-8000-000000000001', 1,
    'b9c00000-0000-4000-8000-000000000001', 'd9c00000-0000-4000-8000-000000000001',
    '5a9c0000-0000-4000-8000-000000000001'
);

CREATE FUNCTION pg_temp.affected(p_sql text)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_n integer;
BEGIN
    EXECUTE p_sql;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    RETURN v_n;
END;
$$;
GRANT EXECUTE ON FUNCTION pg_temp.affected(text) TO anon, authenticated;

-- Structure ------------------------------------------------------------------------------
SELECT has_table('public', 'consult_pricing', 'consult_pricing exists');
SELECT columns_are(
    'public', 'consult_pricing',
    ARRAY['id', 'doctor_id', 'vendor_id', 'branch_id', 'price', 'mrp', 'created_at', 'updated_at']
);
SELECT col_type_is('public', 'consult_pricing', 'price', 'inr', 'price is money');
SELECT col_type_is('public', 'consult_pricing', 'mrp', 'inr', 'mrp is money');
SELECT col_not_null('public', 'consult_pricing', 'doctor_id', 'doctor_id is NOT NULL');
SELECT col_not_null('public', 'consult_pricing', 'vendor_id', 'vendor_id is NOT NULL');
SELECT fk_ok(
    'public', 'consult_pricing', ARRAY['vendor_id', 'branch_id'],
    'public', 'vendor_locations', ARRAY['vendor_id', 'id']
);
SELECT fk_ok('public', 'consult_pricing', 'doctor_id', 'public', 'doctors', 'id');
SELECT has_index(
    'public', 'consult_pricing', 'consult_pricing_vendor_id_branch_id_idx',
    ARRAY['vendor_id', 'branch_id']
);
SELECT index_is_unique('public', 'consult_pricing', 'consult_pricing_one_row_per_branch');
SELECT trigger_is(
    'public', 'consult_pricing', 'consult_pricing_set_updated_at', 'private', 'set_updated_at'
);
SELECT table_privs_are('public', 'consult_pricing', 'anon', ARRAY['SELECT']);
SELECT table_privs_are(
    'public', 'consult_pricing', 'authenticated', ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']
);
SELECT ok(
    (SELECT relrowsecurity FROM pg_catalog.pg_class WHERE oid = 'public.consult_pricing'::regclass),
    'consult_pricing has row level security enabled'
);

-- Constraints ----------------------------------------------------------------------------
SELECT lives_ok(
    $$INSERT INTO public.consult_pricing (id, doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('f9c00000-0000-4000-8000-000000000001', 'e9c00000-0000-4000-8000-000000000001',
              'b9c00000-0000-4000-8000-000000000001', 'd9c00000-0000-4000-8000-000000000001',
              800, 1000)$$,
    'a fee of D1 at H1''s Bengaluru branch is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000001', 'b9c00000-0000-4000-8000-000000000001',
              'd9c00000-0000-4000-8000-000000000002', 600, 600)$$,
    'the same doctor at another branch, with price = MRP, is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000002', 'b9c00000-0000-4000-8000-000000000002',
              'd9c00000-0000-4000-8000-000000000003', -1, 100)$$,
    '23514',
    'value for domain inr violates check constraint "inr_not_negative"',
    'a negative fee is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000002', 'b9c00000-0000-4000-8000-000000000002',
              'd9c00000-0000-4000-8000-000000000003', 501, 500)$$,
    '23514',
    'new row for relation "consult_pricing" violates check constraint '
    || '"consult_pricing_price_within_mrp"',
    'a fee above the MRP is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000001', 'b9c00000-0000-4000-8000-000000000001',
              'd9c00000-0000-4000-8000-000000000001', 700, 1000)$$,
    '23505',
    'duplicate key value violates unique constraint "consult_pricing_one_row_per_branch"',
    'a second fee for the same doctor and branch is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000002', 'b9c00000-0000-4000-8000-000000000001',
              'd9c00000-0000-4000-8000-000000000003', 500, 500)$$,
    '23503',
    'insert or update on table "consult_pricing" violates foreign key constraint '
    || '"consult_pricing_branch_of_vendor"',
    'a branch of another vendor is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-0000000000ff', 'b9c00000-0000-4000-8000-000000000002',
              'd9c00000-0000-4000-8000-000000000003', 500, 500)$$,
    '23503',
    'insert or update on table "consult_pricing" violates foreign key constraint '
    || '"consult_pricing_doctor_id_fkey"',
    'an unknown doctor is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000002', 'b9c00000-0000-4000-8000-000000000002',
              500, 500)$$,
    '23502',
    'null value in column "branch_id" of relation "consult_pricing" violates not-null '
    || 'constraint',
    'a fee without a branch is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000002', 'b9c00000-0000-4000-8000-000000000002',
              'd9c00000-0000-4000-8000-000000000003', 500, 500)$$,
    'a fee of D2 at clinic H2 is accepted'
);
SELECT throws_ok(
    $$DELETE FROM public.doctors WHERE id = 'e9c00000-0000-4000-8000-000000000002'$$,
    '23503',
    'update or delete on table "doctors" violates foreign key constraint '
    || '"consult_pricing_doctor_id_fkey" on table "consult_pricing"',
    'a doctor with fees cannot be deleted'
);
UPDATE public.consult_pricing SET updated_at = '2001-01-01'
WHERE id = 'f9c00000-0000-4000-8000-000000000001';
SELECT is(
    (
        SELECT updated_at
        FROM public.consult_pricing
        WHERE id = 'f9c00000-0000-4000-8000-000000000001'
    ),
    now(),
    'set_updated_at keeps updated_at'
);

-- Row level security ---------------------------------------------------------------------
SET LOCAL ROLE anon;
SELECT is(
    (SELECT count(*) FROM public.consult_pricing), 3::bigint, 'anon reads consultation fees'
);
RESET ROLE;
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims', '{"sub": "a9c00000-0000-4000-8000-000000000005"}', TRUE
);
SELECT is(
    pg_temp.affected($$UPDATE public.consult_pricing SET price = 750
      WHERE branch_id = 'd9c00000-0000-4000-8000-000000000001'$$),
    1, 'H1''s staff changes H1''s fee'
);
SELECT is(
    pg_temp.affected($$UPDATE public.consult_pricing SET price = 1
      WHERE vendor_id = 'b9c00000-0000-4000-8000-000000000002'$$),
    0, 'H1''s staff cannot change H2''s fee (0 rows)'
);
SELECT set_config(
    'request.jwt.claims', '{"sub": "a9c00000-0000-4000-8000-000000000006"}', TRUE
);
SELECT throws_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000002', 'b9c00000-0000-4000-8000-000000000001',
              'd9c00000-0000-4000-8000-000000000001', 500, 500)$$,
    '42501', 'new row violates row-level security policy for table "consult_pricing"',
    'H1''s viewer cannot add a fee'
);
SELECT set_config(
    'request.jwt.claims', '{"sub": "a9c00000-0000-4000-8000-000000000007"}', TRUE
);
SELECT throws_ok(
    $$INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, price, mrp)
      VALUES ('e9c00000-0000-4000-8000-000000000002', 'b9c00000-0000-4000-8000-000000000001',
              'd9c00000-0000-4000-8000-000000000001', 500, 500)$$,
    '42501', 'new row violates row-level security policy for table "consult_pricing"',
    'H2''s owner cannot add a fee at H1'
);
SELECT set_config(
    'request.jwt.claims', '{"sub": "a9c00000-0000-4000-8000-000000000001"}', TRUE
);
SELECT is(
    pg_temp.affected('DELETE FROM public.consult_pricing'), 0,
    'a patient cannot remove fees (0 rows)'
);

-- Checkout of a consultation -------------------------------------------------------------
SELECT
    is(
        set_config('t9c.order', o.id::text, TRUE) IS NOT NULL
        AND o.status = 'PENDING' AND o.payment_status = 'AWAITING',
        TRUE,
        'the patient orders a consultation with place_order as authenticated'
    )
FROM public.place_order(
    '0c9c0000-0000-4000-8000-000000000001', 'ad9c0000-0000-4000-8000-000000000001', 750
) AS o;
RESET ROLE;
SELECT is(
    (
        SELECT ARRAY[unit_price, qty, taxable_value, gst_rate, cgst, sgst, utgst, igst]
        FROM public.order_items WHERE order_id = current_setting('t9c.order')::uuid
    )::numeric[],
    ARRAY[750, 1, 750, 0, 0, 0, 0, 0]::numeric[],
    'the line is priced from consult_pricing (750) and carries no GST'
);
SELECT is(
    (
        SELECT hsn_code FROM public.order_items
        WHERE order_id = current_setting('t9c.order')::uuid
    ),
    '9993',
    'a consultation is SAC 9993 (human health services, exempt)'
);
SELECT is(
    (
        SELECT ARRAY[gross_amount, discount_amount, tax_amount, net_amount]
        FROM public.orders WHERE id = current_setting('t9c.order')::uuid
    )::numeric[],
    ARRAY[750, 0, 0, 750]::numeric[],
    'order totals: 750, no tax'
);
SELECT is(
    (
        SELECT
            service_snapshot - 'catalog_id' - 'pricing_id' - 'vendor_id' - 'branch_id'
            - 'doctor_id' - 'vendor_name'
        FROM public.order_items WHERE order_id = current_setting('t9c.order')::uuid
    ),
    '{"name": "Dr Meera Iyer", "service_type": "DOCTOR_CONSULT", "version": 1,
      "specialty": "Cardiology", "reg_number": "KMC-T9C-1", "mrp": 1000, "price": 750,
      "hsn_code": "9993", "gst_rate": 0, "supplier_state_code": "29", "price_includes_tax": true,
      "place_of_supply": "29"}'::jsonb,
    'the line snapshots the doctor, fee and MRP'
);
SELECT is(
    (
        SELECT
            service_snapshot ->> 'doctor_id' = 'e9c00000-0000-4000-8000-000000000001'
            AND service_snapshot ->> 'branch_id' = 'd9c00000-0000-4000-8000-000000000001'
        FROM public.order_items WHERE order_id = current_setting('t9c.order')::uuid
    ),
    TRUE,
    'the snapshot names the doctor and the branch'
);
SELECT is(
    (
        SELECT
            array_agg(
                b.fulfillment_status::text || ':' || b.slot_id::text || ':' || b.patient_id::text
            )
        FROM public.service_bookings AS b
        INNER JOIN public.order_items AS i ON b.order_item_id = i.id
        WHERE i.order_id = current_setting('t9c.order')::uuid
    ),
    ARRAY[
        'SCHEDULED:5a9c0000-0000-4000-8000-000000000001:a9c00000-0000-4000-8000-000000000001'
    ],
    'one booking, SCHEDULED in the chosen slot, for the patient'
);
SELECT is(
    (
        SELECT booked_count FROM public.availability_slots
        WHERE id = '5a9c0000-0000-4000-8000-000000000001'
    ),
    1,
    'the slot seat was taken'
);
UPDATE public.orders SET status = 'CONFIRMED' WHERE id = current_setting('t9c.order')::uuid;
UPDATE public.orders SET status = 'PROCESSING' WHERE id = current_setting('t9c.order')::uuid;
UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
WHERE id = current_setting('t9c.order')::uuid;
SELECT is(
    (
        SELECT array_agg(vendor_id::text || ':' || document_kind::text)
        FROM public.order_invoices
        WHERE order_id = current_setting('t9c.order')::uuid
    ),
    ARRAY['b9c00000-0000-4000-8000-000000000001:BILL_OF_SUPPLY'],
    'when the consultation is under way, the hospital issues a bill of supply (exempt)'
);

-- Consultation lines that cannot be sold.
INSERT INTO public.carts (id, profile_id) VALUES
('0c9c0000-0000-4000-8000-000000000002', 'a9c00000-0000-4000-8000-000000000001');
INSERT INTO public.cart_items (id, cart_id, service_catalog_id, qty, vendor_id, branch_id)
VALUES (
    'c19c0000-0000-4000-8000-000000000001', '0c9c0000-0000-4000-8000-000000000002',
    '59c00000-0000-4000-8000-000000000001', 1,
    'b9c00000-0000-4000-8000-000000000001', 'd9c00000-0000-4000-8000-000000000001'
);
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c9c0000-0000-4000-8000-000000000002',
                                'ad9c0000-0000-4000-8000-000000000001', 0)$$,
    'OM013',
    'Dr Meera Iyer needs a slot',
    'a consultation without a slot is refused with OM013'
);
RESET ROLE;
UPDATE public.cart_items
SET
    vendor_id = 'b9c00000-0000-4000-8000-000000000002',
    branch_id = 'd9c00000-0000-4000-8000-000000000003'
WHERE id = 'c19c0000-0000-4000-8000-000000000001';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c9c0000-0000-4000-8000-000000000002',
                                'ad9c0000-0000-4000-8000-000000000001', 0)$$,
    'OM012',
    'vendor Clinic T9C does not currently offer cart item '
    || '59c00000-0000-4000-8000-000000000001 (DOCTOR_CONSULT)',
    'a consultation at a vendor without a fee for the doctor is refused with OM012'
);
RESET ROLE;
UPDATE public.cart_items
SET
    vendor_id = 'b9c00000-0000-4000-8000-000000000001',
    branch_id = NULL
WHERE id = 'c19c0000-0000-4000-8000-000000000001';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT public.place_order('0c9c0000-0000-4000-8000-000000000002',
                                'ad9c0000-0000-4000-8000-000000000001', 0)$$,
    'OM011',
    'cart line 59c00000-0000-4000-8000-000000000001 names no branch to buy from',
    'a consultation line without a branch is refused with OM011 (fees are per branch)'
);
RESET ROLE;
SELECT ok(
    obj_description(
        'private.checkout_offer_doctor_consult(uuid, uuid, uuid)'::regprocedure
    ) ~ 'consult_pricing',
    'checkout documents that consultations are priced from consult_pricing'
);

SELECT * FROM finish();
ROLLBACK;
