-- Test helpers: schema `tests`, for test databases only (never a deployed project's).
-- Our own SQL in the manner of supabase-test-helpers: create Supabase users, act as one
-- of them, and the shared fixtures of the RLS matrix (users, vendors, orders, files).
--
-- Everything before the first BEGIN installs the helpers (idempotent; committed); the
-- block after it checks them and rolls back. So `pg_prove tests/pgtap/*.sql` runs this
-- file first and installs them; the pytest harness runs it once per test database;
-- `onemedi-db test` runs the part before BEGIN inside each file's rolled-back transaction
-- where schema `tests` is missing, so nothing stays. The functions run with the caller's
-- rights (SECURITY INVOKER): the deploying role (`postgres`) may write auth.users, on
-- Supabase as on the stand-in.

CREATE SCHEMA IF NOT EXISTS tests;
COMMENT ON SCHEMA tests IS
'Test helpers (tests/pgtap/000_test_helpers.sql): installed in test databases only.';
GRANT USAGE ON SCHEMA tests TO anon, authenticated, service_role;

-- A user as GoTrue would sign one up: a confirmed email (or phone), app metadata naming the
-- provider, the test identifier in the user metadata, and its identity row where the
-- database has auth.identities. Only the columns this auth.users has are written (the
-- stand-in's plain mode has a short table); a password is hashed when one is given.
CREATE OR REPLACE FUNCTION tests.create_supabase_user(
    p_identifier text,
    p_email text DEFAULT NULL,
    p_phone text DEFAULT NULL,
    p_metadata jsonb DEFAULT '{}',
    p_id uuid DEFAULT gen_random_uuid(),
    p_password text DEFAULT NULL
)
RETURNS uuid
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    v_row jsonb;
    v_columns text;
BEGIN
    v_row := pg_catalog.jsonb_build_object(
        'instance_id', '00000000-0000-0000-0000-000000000000',
        'id', p_id,
        'aud', 'authenticated',
        'role', 'authenticated',
        'email', p_email,
        'phone', p_phone,
        'email_confirmed_at', CASE WHEN p_email IS NOT NULL THEN pg_catalog.now() END,
        'phone_confirmed_at', CASE WHEN p_phone IS NOT NULL THEN pg_catalog.now() END,
        'raw_app_meta_data', pg_catalog.jsonb_build_object(
            'provider', CASE WHEN p_email IS NULL AND p_phone IS NOT NULL THEN 'phone'
                ELSE 'email' END,
            'providers', pg_catalog.jsonb_build_array(
                CASE WHEN p_email IS NULL AND p_phone IS NOT NULL THEN 'phone' ELSE 'email' END
            )
        ),
        'raw_user_meta_data',
        coalesce(p_metadata, '{}') || pg_catalog.jsonb_build_object('test_identifier', p_identifier),
        'created_at', pg_catalog.now(),
        'updated_at', pg_catalog.now()
    );
    IF p_password IS NOT NULL THEN
        EXECUTE 'SELECT extensions.crypt($1, extensions.gen_salt(''bf''))'
        INTO STRICT v_columns USING p_password;
        v_row := v_row || pg_catalog.jsonb_build_object('encrypted_password', v_columns);
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum)
    INTO v_columns
    FROM pg_catalog.pg_attribute AS a
    WHERE
        a.attrelid = 'auth.users'::regclass
        AND a.attnum > 0
        AND NOT a.attisdropped
        AND a.attgenerated = ''
        AND v_row ? a.attname;
    EXECUTE pg_catalog.format(
        'INSERT INTO auth.users (%s) SELECT %s FROM pg_catalog.jsonb_populate_record('
        'NULL::auth.users, $1)', v_columns, v_columns
    ) USING v_row;
    IF pg_catalog.to_regclass('auth.identities') IS NOT NULL THEN
        EXECUTE 'INSERT INTO auth.identities (provider_id, user_id, identity_data, provider, '
        'last_sign_in_at, created_at, updated_at) VALUES ($1::text, $1, $2, $3, NULL, '
        'pg_catalog.now(), pg_catalog.now())'
        USING
            p_id,
            pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                'sub', p_id::text, 'email', p_email, 'phone', p_phone,
                'email_verified', p_email IS NOT NULL
            )),
            v_row -> 'raw_app_meta_data' ->> 'provider';
    END IF;
    RETURN p_id;
END;
$$;
COMMENT ON FUNCTION tests.create_supabase_user(text, text, text, jsonb, uuid, text) IS
'Creates a confirmed Supabase user (and identity) known to the tests by p_identifier.';

CREATE OR REPLACE FUNCTION tests.get_supabase_uid(p_identifier text)
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_id uuid;
BEGIN
    SELECT u.id INTO v_id FROM auth.users AS u
    WHERE u.raw_user_meta_data ->> 'test_identifier' = p_identifier;
    IF v_id IS NULL THEN
        RAISE EXCEPTION 'no test user %; create it with tests.create_supabase_user', p_identifier;
    END IF;
    RETURN v_id;
END;
$$;
COMMENT ON FUNCTION tests.get_supabase_uid(text) IS
'The id of the test user created with this identifier (an error if there is none).';

-- Acting as a user the way PostgREST does it, for the rest of the transaction: the role
-- `authenticated` and the JWT claims in request.jwt.claims.
CREATE OR REPLACE FUNCTION tests.authenticate_as(p_identifier text)
RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    v_id uuid := tests.get_supabase_uid(p_identifier);
    v_email text;
BEGIN
    SELECT u.email INTO v_email FROM auth.users AS u WHERE u.id = v_id;
    PERFORM pg_catalog.set_config('request.jwt.claims', pg_catalog.jsonb_strip_nulls(
        pg_catalog.jsonb_build_object(
            'sub', v_id::text, 'role', 'authenticated', 'email', v_email, 'aud', 'authenticated'
        ))::text, true);
    PERFORM pg_catalog.set_config('role', 'authenticated', true);
END;
$$;
COMMENT ON FUNCTION tests.authenticate_as(text) IS
'Act as the test user (role authenticated, its JWT claims) until clear_authentication.';

CREATE OR REPLACE FUNCTION tests.authenticate_as_service_role()
RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
    PERFORM pg_catalog.set_config('request.jwt.claims', '{"role": "service_role"}', true);
    PERFORM pg_catalog.set_config('role', 'service_role', true);
END;
$$;
COMMENT ON FUNCTION tests.authenticate_as_service_role() IS
'Act as the backend (role service_role) until clear_authentication.';

CREATE OR REPLACE FUNCTION tests.clear_authentication()
RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
    PERFORM pg_catalog.set_config('role', 'none', true);
    PERFORM pg_catalog.set_config('request.jwt.claims', '', true);
END;
$$;
COMMENT ON FUNCTION tests.clear_authentication() IS
'Back to the session''s own role, with no JWT claims.';

-- The audit log's DDL guard (change audit_ddl_guard) is made of event triggers, which only
-- a superuser creates or drops in PostgreSQL (hosted Supabase lets postgres do it through
-- supautils). A test that must take the guard away, or put it back, asks these two: they run
-- as their owner, the superuser who installed the helpers or, in the harness's platform
-- modes, the cluster's superuser the harness gives them to. Inside a test's transaction,
-- whatever they do is rolled back with it.
CREATE OR REPLACE FUNCTION tests.drop_audit_ddl_guard()
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    DROP EVENT TRIGGER IF EXISTS audit_guard_ddl_end;
    DROP EVENT TRIGGER IF EXISTS audit_guard_sql_drop;
END;
$$;
COMMENT ON FUNCTION tests.drop_audit_ddl_guard() IS
'Drops the audit DDL guard''s event triggers, as their superuser owner (tests only).';

CREATE OR REPLACE FUNCTION tests.install_audit_ddl_guard()
RETURNS boolean
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    RETURN private.install_audit_ddl_guard();
END;
$$;
COMMENT ON FUNCTION tests.install_audit_ddl_guard() IS
'private.install_audit_ddl_guard() as the helpers'' superuser owner (tests only).';

REVOKE ALL ON FUNCTION tests.drop_audit_ddl_guard() FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION tests.install_audit_ddl_guard()
FROM public, anon, authenticated, service_role;

-- The RLS matrix's shared world (tests/pgtap/test_rls_matrix_*.sql), inside the caller's
-- transaction: two patients (p1, p2); vendor v1 (lab) with owner o1, staff s1 and viewer
-- w1; vendor v2 (pharmacy) with owner o2 and staff s2; an admin. Each patient has an order
-- with an item of their vendor; order 3 of p1 has lines of both vendors. Also the
-- session's pg_temp.affected(sql) (the row count of a statement run as the current role,
-- so an UPDATE or DELETE that RLS filters out shows as 0) and pg_temp.seen(sql) (the rows
-- a query sees). Returns no rows, so it prints nothing in TAP.
CREATE OR REPLACE FUNCTION tests.rls_matrix_fixtures()
RETURNS SETOF text
LANGUAGE plpgsql
AS $fixtures$
BEGIN
    PERFORM tests.create_supabase_user(
        'p1', 'p1@example.in', p_id => 'a0000000-0000-4000-8000-000000000001'
    );
    PERFORM tests.create_supabase_user(
        'p2', 'p2@example.in', p_id => 'a0000000-0000-4000-8000-000000000002'
    );
    PERFORM tests.create_supabase_user(
        'o1', 'o1@example.in', p_id => 'a0000000-0000-4000-8000-000000000011'
    );
    PERFORM tests.create_supabase_user(
        's1', 's1@example.in', p_id => 'a0000000-0000-4000-8000-000000000012'
    );
    PERFORM tests.create_supabase_user(
        'w1', 'w1@example.in', p_id => 'a0000000-0000-4000-8000-000000000013'
    );
    PERFORM tests.create_supabase_user(
        'o2', 'o2@example.in', p_id => 'a0000000-0000-4000-8000-000000000021'
    );
    PERFORM tests.create_supabase_user(
        's2', 's2@example.in', p_id => 'a0000000-0000-4000-8000-000000000022'
    );
    PERFORM tests.create_supabase_user(
        'admin', 'admin@example.in', p_id => 'a0000000-0000-4000-8000-000000000099'
    );
    INSERT INTO public.profiles (id, full_name, role_id)
    SELECT
        u.id,
        u.name AS full_name,
        r.id AS role_id
    FROM (
        VALUES
        ('a0000000-0000-4000-8000-000000000001'::uuid, 'Patient One', 'PATIENT'),
        ('a0000000-0000-4000-8000-000000000002', 'Patient Two', 'PATIENT'),
        ('a0000000-0000-4000-8000-000000000011', 'Owner One', 'VENDOR_ADMIN'),
        ('a0000000-0000-4000-8000-000000000012', 'Staff One', 'STAFF'),
        ('a0000000-0000-4000-8000-000000000013', 'Viewer One', 'STAFF'),
        ('a0000000-0000-4000-8000-000000000021', 'Owner Two', 'VENDOR_ADMIN'),
        ('a0000000-0000-4000-8000-000000000022', 'Staff Two', 'STAFF'),
        ('a0000000-0000-4000-8000-000000000099', 'Admin', 'ADMIN')
    ) AS u (id, name, role_name)
    INNER JOIN public.roles AS r ON u.role_name = r.name;
    INSERT INTO public.cities (id, state_code, name) VALUES
    ('c1000000-0000-4000-8000-000000000001', '36', 'Hyderabad');
    INSERT INTO public.vendors (id, name, type, owner_id, commission_rate, is_active) VALUES
    (
        'b0000000-0000-4000-8000-000000000001', 'Lab One', 'DIAGNOSTIC_LAB',
        'a0000000-0000-4000-8000-000000000011', 10, TRUE
    ),
    (
        'b0000000-0000-4000-8000-000000000002', 'Pharmacy Two', 'PHARMACY',
        'a0000000-0000-4000-8000-000000000021', 12, TRUE
    ),
    (
        'b0000000-0000-4000-8000-000000000003', 'Closed Three', 'PHARMACY',
        'a0000000-0000-4000-8000-000000000021', 12, FALSE
    );
    INSERT INTO public.vendor_locations (id, vendor_id, city_id, name, coords) VALUES
    (
        'b1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
        'c1000000-0000-4000-8000-000000000001', 'Lab One Ameerpet', 'SRID=4326;POINT(78.44 17.43)'
    ),
    (
        'b1000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
        'c1000000-0000-4000-8000-000000000001', 'Pharmacy Two Abids', 'SRID=4326;POINT(78.47 17.39)'
    );
    INSERT INTO public.vendor_staff (id, vendor_id, user_id, access_level) VALUES
    (
        'b2000000-0000-4000-8000-000000000012', 'b0000000-0000-4000-8000-000000000001',
        'a0000000-0000-4000-8000-000000000012', 'STAFF'
    ),
    (
        'b2000000-0000-4000-8000-000000000013', 'b0000000-0000-4000-8000-000000000001',
        'a0000000-0000-4000-8000-000000000013', 'VIEWER'
    ),
    (
        'b2000000-0000-4000-8000-000000000022', 'b0000000-0000-4000-8000-000000000002',
        'a0000000-0000-4000-8000-000000000022', 'STAFF'
    );
    INSERT INTO public.vendor_kyc (id, vendor_id, dl_number) VALUES
    ('b3000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'TS-DL-1'),
    ('b3000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002', 'TS-DL-2');
    INSERT INTO public.vendor_payouts (
        id, vendor_id, period_start, period_end, gross, commission, net
    ) VALUES
    (
        'b4000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
        '2026-10-01', '2026-10-31', 1000, 100, 900
    ),
    (
        'b4000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
        '2026-10-01', '2026-10-31', 2000, 240, 1760
    );
    INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
    ('e1000000-0000-4000-8000-000000000001', 'Complete blood count', 'CBC-H6', 'BLOOD');
    INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id, is_active) VALUES
    (
        'e2000000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
        'e1000000-0000-4000-8000-000000000001', TRUE
    );
    INSERT INTO public.lab_pricing (id, test_id, vendor_id, branch_id, price, mrp) VALUES
    (
        'e3000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001',
        'b0000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001', 500, 600
    ),
    (
        'e3000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000001',
        'b0000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000002', 450, 600
    );
    INSERT INTO public.availability_slots (
        id, service_catalog_id, vendor_id, start_time, end_time
    ) VALUES
    (
        'e4000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001',
        'b0000000-0000-4000-8000-000000000001', '2026-12-01 10:00+05:30', '2026-12-01 10:30+05:30'
    ),
    (
        'e4000000-0000-4000-8000-000000000002', 'e2000000-0000-4000-8000-000000000001',
        'b0000000-0000-4000-8000-000000000002', '2026-12-01 10:00+05:30', '2026-12-01 10:30+05:30'
    );
    INSERT INTO public.family_members (id, owner_id, name, relation) VALUES
    ('f1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'Meera', 'CHILD'),
    ('f1000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002', 'Kiran', 'SPOUSE');
    INSERT INTO public.addresses (id, profile_id, line_1, city_id, pincode) VALUES
    (
        'f2000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
        '1 MG Road', 'c1000000-0000-4000-8000-000000000001', '500001'
    ),
    (
        'f2000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002',
        '2 Park Lane', 'c1000000-0000-4000-8000-000000000001', '500003'
    );
    INSERT INTO public.carts (id, profile_id) VALUES
    ('f3000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001'),
    ('f3000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002');
    INSERT INTO public.cart_items (id, cart_id, service_catalog_id, qty) VALUES
    (
        'f4000000-0000-4000-8000-000000000001', 'f3000000-0000-4000-8000-000000000001',
        'e2000000-0000-4000-8000-000000000001', 1
    ),
    (
        'f4000000-0000-4000-8000-000000000002', 'f3000000-0000-4000-8000-000000000002',
        'e2000000-0000-4000-8000-000000000001', 1
    );
    INSERT INTO public.orders (
        id, profile_id, delivery_address, delivery_state_code, gross_amount, tax_amount,
        net_amount
    )
    SELECT
        o.id,
        o.profile_id,
        '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}'
            AS delivery_address,
        '36' AS delivery_state_code,
        1050 AS gross_amount,
        50 AS tax_amount,
        1050 AS net_amount
    FROM (
        VALUES
        ('d0000000-0000-4000-8000-000000000001'::uuid, 'a0000000-0000-4000-8000-000000000001'::uuid),
        ('d0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002'),
        ('d0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001')
    ) AS o (id, profile_id);
    INSERT INTO public.order_items (
        id, order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value,
        hsn_code, gst_rate, cgst, sgst, igst, supplier_state_code, service_snapshot
    )
    SELECT
        i.id,
        i.order_id,
        'e2000000-0000-4000-8000-000000000001' AS service_catalog_id,
        i.vendor_id,
        -- tax-inclusive: 2 x 525 = 1050 = 1000 + 25 + 25 (1050 * 5 / 210 = 25)
        2 AS qty,
        525 AS unit_price,
        1000 AS taxable_value,
        '3004' AS hsn_code,
        5 AS gst_rate,
        25 AS cgst,
        25 AS sgst,
        0 AS igst,
        '36' AS supplier_state_code,
        jsonb_build_object(
            'name', 'CBC', 'service_type', 'LAB_TEST', 'version', 1, 'price', 525,
            'vendor_id', i.vendor_id
        ) AS service_snapshot
    FROM (
        VALUES
        (
            'd1000000-0000-4000-8000-000000000001'::uuid,
            'd0000000-0000-4000-8000-000000000001'::uuid,
            'b0000000-0000-4000-8000-000000000001'::uuid
        ),
        (
            'd1000000-0000-4000-8000-000000000002',
            'd0000000-0000-4000-8000-000000000002',
            'b0000000-0000-4000-8000-000000000002'
        ),
        (
            'd1000000-0000-4000-8000-000000000031',
            'd0000000-0000-4000-8000-000000000003',
            'b0000000-0000-4000-8000-000000000001'
        ),
        (
            'd1000000-0000-4000-8000-000000000032',
            'd0000000-0000-4000-8000-000000000003',
            'b0000000-0000-4000-8000-000000000002'
        )
    ) AS i (id, order_id, vendor_id);
    INSERT INTO public.service_bookings (id, order_item_id, patient_id, slot_id) VALUES
    (
        'd2000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
        'a0000000-0000-4000-8000-000000000001', 'e4000000-0000-4000-8000-000000000001'
    ),
    (
        'd2000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000002',
        'a0000000-0000-4000-8000-000000000002', 'e4000000-0000-4000-8000-000000000002'
    );
    INSERT INTO public.order_artifacts (id, order_id, type, file_url, uploaded_by) VALUES
    (
        'd3000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'PRESC',
        'prescriptions/a0000000-0000-4000-8000-000000000001/rx1.jpg',
        'a0000000-0000-4000-8000-000000000001'
    ),
    (
        'd3000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000002', 'PRESC',
        'prescriptions/a0000000-0000-4000-8000-000000000002/rx2.jpg',
        'a0000000-0000-4000-8000-000000000002'
    );
    -- Each vendor's Telangana GST registration and its tax invoice for its line (check
    -- characters from an independent implementation of GSTN's algorithm).
    INSERT INTO public.gst_registrations (id, vendor_id, gstin, valid_from) VALUES
    (
        'd4100000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
        '36AAACH1234H1Z0', '2017-07-01'
    ),
    (
        'd4100000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002',
        '36AAACL5555L1Z7', '2017-07-01'
    );
    INSERT INTO public.order_invoices (
        id, order_id, vendor_id, invoice_number, invoice_date, document_kind,
        supplier_state_code, registration_id, gstin
    )
    VALUES
    (
        'd4000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001',
        'b0000000-0000-4000-8000-000000000001', 'TI/2627/000001', '2026-11-25', 'TAX_INVOICE',
        '36', 'd4100000-0000-4000-8000-000000000001', '36AAACH1234H1Z0'
    ),
    (
        'd4000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000002',
        'b0000000-0000-4000-8000-000000000002', 'TI/2627/000001', '2026-11-25', 'TAX_INVOICE',
        '36', 'd4100000-0000-4000-8000-000000000002', '36AAACL5555L1Z7'
    );
    UPDATE public.order_items AS i SET invoice_id = d.id
    FROM public.order_invoices AS d
    WHERE d.order_id = i.order_id AND d.vendor_id = i.vendor_id;
    UPDATE public.orders
    SET payment_status = 'PAID', payment_ref = 'pay_' || right(id::text, 2)
    WHERE id IN ('d0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002');
    INSERT INTO public.refunds (id, order_item_id, amount, reason) VALUES
    ('d5000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 100, 'late'),
    ('d5000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000002', 100, 'late');
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
    CREATE FUNCTION pg_temp.seen(p_sql text)
    RETURNS bigint
    LANGUAGE plpgsql
    AS $$
    DECLARE
        v_n bigint;
    BEGIN
        EXECUTE 'SELECT count(*) FROM (' || p_sql || ') AS q' INTO v_n;
        RETURN v_n;
    END;
    $$;
    GRANT EXECUTE ON FUNCTION pg_temp.affected(text), pg_temp.seen(text) TO anon, authenticated;
END;
$fixtures$;
COMMENT ON FUNCTION tests.rls_matrix_fixtures() IS
'The RLS matrix''s users, vendors, orders and files, and pg_temp.seen/affected.';

REVOKE ALL ON FUNCTION
tests.create_supabase_user(text, text, text, jsonb, uuid, text),
tests.get_supabase_uid(text),
tests.rls_matrix_fixtures()
FROM public;
GRANT EXECUTE ON FUNCTION
tests.authenticate_as(text),
tests.authenticate_as_service_role(),
tests.clear_authentication()
TO anon, authenticated, service_role;

-- The helpers checked: a user is created with its identity, acted as, and left.
BEGIN;
SELECT plan(9);

SELECT is(
    tests.create_supabase_user(
        'helper-check', 'helper-check@example.in', p_id => 'f0000000-0000-4000-8000-0000000000ff'
    ),
    'f0000000-0000-4000-8000-0000000000ff'::uuid,
    'create_supabase_user returns the id it was given'
);
SELECT is(
    tests.get_supabase_uid('helper-check'), 'f0000000-0000-4000-8000-0000000000ff'::uuid,
    'get_supabase_uid finds the user by its identifier'
);
SELECT is(
    (
        SELECT u.email::text FROM auth.users AS u
        WHERE u.id = 'f0000000-0000-4000-8000-0000000000ff'
    ),
    'helper-check@example.in',
    'the user has its email'
);
SELECT results_eq(
    CASE
        WHEN to_regclass('auth.identities') IS NULL THEN 'SELECT 1::bigint'
        ELSE $$SELECT count(*) FROM auth.identities
          WHERE user_id = 'f0000000-0000-4000-8000-0000000000ff' AND provider = 'email'$$
    END,
    'SELECT 1::bigint',
    'the user has its email identity where auth.identities exists'
);
SELECT tests.authenticate_as('helper-check');
SELECT is(current_user::text, 'authenticated', 'authenticate_as switches to authenticated');
SELECT is(
    auth.uid(), 'f0000000-0000-4000-8000-0000000000ff'::uuid, 'auth.uid() is the user'
);
SELECT tests.clear_authentication();
SELECT isnt(current_user::text, 'authenticated', 'clear_authentication switches back');
SELECT is(auth.uid(), NULL, 'clear_authentication leaves no claims');
SELECT throws_ok(
    $$SELECT tests.get_supabase_uid('nobody')$$, 'P0001',
    'no test user nobody; create it with tests.create_supabase_user',
    'an unknown identifier is an error'
);

SELECT * FROM finish();
ROLLBACK;
