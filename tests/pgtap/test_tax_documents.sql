-- Tax documents: a tax invoice for taxable supplies and a bill of supply for exempt ones,
-- issued when the order leaves for the patient (the time of supply), numbered per vendor,
-- supplying state and financial year (so per GSTIN), and kept as issued.
BEGIN;
SELECT plan(23);
SET LOCAL timezone = 'UTC';

-- Fixtures: a pharmacy with branches in Karnataka (registered) and Telangana (registration
-- ended yesterday); a patient; orders written directly, as checkout would have written them
-- (tax-inclusive lines: 40.00 = 38.10 + 0.95 + 0.95).
INSERT INTO auth.users (id, email) VALUES
('a9300000-0000-4000-8000-000000000001', 'doc-patient@t93.in'),
('a9300000-0000-4000-8000-000000000002', 'doc-owner@t93.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.id,
    u.name AS full_name,
    r.id AS role_id
FROM (
    VALUES
    ('a9300000-0000-4000-8000-000000000001'::uuid, 'Doc Patient', 'PATIENT'),
    ('a9300000-0000-4000-8000-000000000002', 'Doc Owner', 'VENDOR_ADMIN')
) AS u (id, name, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.cities (id, state_code, name) VALUES
('c9300000-0000-4000-8000-000000000001', '29', 'Bengaluru T93'),
('c9300000-0000-4000-8000-000000000002', '36', 'Hyderabad T93');
INSERT INTO public.vendors (id, name, type, owner_id) VALUES
(
    'b9300000-0000-4000-8000-000000000001', 'Pharmacy T93', 'PHARMACY',
    'a9300000-0000-4000-8000-000000000002'
),
(
    'b9300000-0000-4000-8000-000000000003', 'Numbering T93', 'PHARMACY',
    'a9300000-0000-4000-8000-000000000002'
);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES
(
    'd9300000-0000-4000-8000-000000000001', 'b9300000-0000-4000-8000-000000000001',
    'c9300000-0000-4000-8000-000000000001', 'SRID=4326;POINT(77.59 12.97)'
),
(
    'd9300000-0000-4000-8000-000000000002', 'b9300000-0000-4000-8000-000000000001',
    'c9300000-0000-4000-8000-000000000002', 'SRID=4326;POINT(78.47 17.39)'
);
INSERT INTO public.gst_registrations (id, vendor_id, gstin, valid_from, valid_to) VALUES
(
    'f9300000-0000-4000-8000-000000000001', 'b9300000-0000-4000-8000-000000000001',
    '29AAACT7777B1Z3', '2017-07-01', NULL
),
(
    'f9300000-0000-4000-8000-000000000002', 'b9300000-0000-4000-8000-000000000001',
    '36AAACT7777B1Z8', '2017-07-01', (now() AT TIME ZONE 'Asia/Kolkata')::date - 1
);
INSERT INTO public.medicine_master (id, name, hsn_code) VALUES
('e9300000-0000-4000-8000-000000000001', 'Docamol T93', '3004');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES (
    '59300000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
    'e9300000-0000-4000-8000-000000000001'
);
INSERT INTO public.orders (
    id, profile_id, status, delivery_address, delivery_state_code, gross_amount, tax_amount,
    net_amount
)
SELECT
    ('d9300000-0000-4000-8000-0000000000a' || o.n)::uuid,
    'a9300000-0000-4000-8000-000000000001' AS profile_id,
    o.status::public.order_status,
    '{"line_1": "1 MG Road", "city": "Bengaluru T93", "state_code": "29", "pincode": "560001"}'
        AS delivery_address,
    '29' AS delivery_state_code,
    40.00 AS gross_amount,
    o.tax AS tax_amount,
    40.00 AS net_amount
FROM (
    VALUES
    -- 1: from Karnataka; 2: from Telangana (registration ended); 3: cancelled before dispatch
    (1, 'PROCESSING', 1.90),
    (2, 'PROCESSING', 1.90),
    (3, 'CONFIRMED', 1.90)
) AS o (n, status, tax);
INSERT INTO public.order_items (
    order_id, service_catalog_id, vendor_id, qty, unit_price, taxable_value, hsn_code,
    gst_rate, cgst, sgst, igst, supplier_state_code, service_snapshot
)
SELECT
    ('d9300000-0000-4000-8000-0000000000a' || l.n)::uuid,
    '59300000-0000-4000-8000-000000000001' AS service_catalog_id,
    'b9300000-0000-4000-8000-000000000001' AS vendor_id,
    1 AS qty,
    40.00 AS unit_price,
    38.10 AS taxable_value,
    '3004' AS hsn_code,
    5 AS gst_rate,
    l.cgst,
    l.cgst AS sgst,
    l.igst,
    l.state AS supplier_state_code,
    '{"name": "Docamol T93", "service_type": "MEDICINE", "version": 1, "price": 40.00,
      "mrp": 40.00, "vendor_id": "b9300000-0000-4000-8000-000000000001"}'::jsonb
        AS service_snapshot
FROM (
    VALUES
    -- within Karnataka: 0.95 + 0.95; from Telangana to Karnataka: IGST 40 * 5 / 105 = 1.90
    (1, '29', 0.95, 0),
    (2, '36', 0, 1.90),
    (3, '29', 0.95, 0)
) AS l (n, state, cgst, igst);

-- Numbering: one series per vendor, state, kind and financial year ---------------------------
SELECT is(
    private.next_document_number(
        'b9300000-0000-4000-8000-000000000003', '29', 'TAX_INVOICE', '2026-03-31'
    ),
    'TI/2526/000001',
    '31 March 2026 belongs to financial year 2025-26'
);
SELECT is(
    private.next_document_number(
        'b9300000-0000-4000-8000-000000000003', '29', 'TAX_INVOICE', '2026-04-01'
    ),
    'TI/2627/000001',
    '1 April 2026 starts financial year 2026-27 at 000001'
);
SELECT is(
    private.next_document_number(
        'b9300000-0000-4000-8000-000000000003', '29', 'TAX_INVOICE', '2026-04-02'
    ),
    'TI/2627/000002',
    'the next invoice of the same registration is 000002'
);
SELECT is(
    private.next_document_number(
        'b9300000-0000-4000-8000-000000000003', '29', 'BILL_OF_SUPPLY', '2026-04-02'
    ),
    'BS/2627/000001',
    'bills of supply are a series of their own'
);
SELECT is(
    private.next_document_number(
        'b9300000-0000-4000-8000-000000000003', '36', 'TAX_INVOICE', '2026-04-02'
    ),
    'TI/2627/000001',
    'another state (another GSTIN) numbers from 000001'
);
UPDATE private.document_counters SET last_number = 999999
WHERE
    vendor_id = 'b9300000-0000-4000-8000-000000000003'
    AND state_code = '36' AND document_kind = 'TAX_INVOICE';
SELECT throws_ok(
    $$SELECT private.next_document_number(
          'b9300000-0000-4000-8000-000000000003', '36', 'TAX_INVOICE', '2026-04-02')$$,
    '23514',
    'new row for relation "document_counters" violates check constraint '
    || '"document_counters_last_number_in_range"',
    'a series stops at 999999 rather than print a seventh digit'
);

-- Dispatch issues the documents ----------------------------------------------------------------
SELECT is(
    (
        SELECT count(*)
        FROM public.order_invoices
        WHERE order_id = 'd9300000-0000-4000-8000-0000000000a1'
    ),
    0::bigint,
    'no document before dispatch'
);
UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
WHERE id = 'd9300000-0000-4000-8000-0000000000a1';
SELECT is(
    (
        SELECT
            ARRAY[
                document_kind::text, supplier_state_code, gstin, registration_id::text,
                (invoice_date = (now() AT TIME ZONE 'Asia/Kolkata')::date)::text
            ]
        FROM public.order_invoices WHERE order_id = 'd9300000-0000-4000-8000-0000000000a1'
    ),
    ARRAY[
        'TAX_INVOICE', '29', '29AAACT7777B1Z3', 'f9300000-0000-4000-8000-000000000001', 'true'
    ],
    'the tax invoice is issued under the Karnataka registration, dated the day of dispatch'
);
SELECT is(
    (
        SELECT count(*) FROM public.order_items AS i
        INNER JOIN public.order_invoices AS d ON i.invoice_id = d.id
        WHERE i.order_id = 'd9300000-0000-4000-8000-0000000000a1'
    ),
    1::bigint,
    'the line names its document'
);
SELECT is_empty(
    $$SELECT * FROM private.issue_order_documents('d9300000-0000-4000-8000-0000000000a1')$$,
    'issuing again issues nothing: every line has its document'
);
SELECT throws_ok(
    $$UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
      WHERE id = 'd9300000-0000-4000-8000-0000000000a2'$$,
    'OM077',
    format(
        'order d9300000-0000-4000-8000-0000000000a2 cannot be dispatched: vendor Pharmacy T93 '
        || 'has no GST registration in force in state 36 on %s to invoice its taxable lines',
        (now() AT TIME ZONE 'Asia/Kolkata')::date
    ),
    'a supply from a state whose registration has ended is stopped at dispatch (OM077)'
);
SELECT is(
    (SELECT status FROM public.orders WHERE id = 'd9300000-0000-4000-8000-0000000000a2'),
    'PROCESSING'::public.order_status,
    'that order stays PROCESSING, with no document'
);
UPDATE public.orders SET status = 'CANCELLED'
WHERE id = 'd9300000-0000-4000-8000-0000000000a3';
SELECT is(
    (
        SELECT count(*)
        FROM public.order_invoices
        WHERE order_id = 'd9300000-0000-4000-8000-0000000000a3'
    ),
    0::bigint,
    'an order cancelled before dispatch was never a supply: no document, no credit note'
);

-- Issued documents are kept as issued -----------------------------------------------------------
SELECT throws_like(
    $$UPDATE public.order_invoices SET invoice_date = invoice_date - 1
      WHERE order_id = 'd9300000-0000-4000-8000-0000000000a1'$$,
    'TAX_INVOICE TI/%/000001 of order d9300000-0000-4000-8000-0000000000a1 is issued and '
    || 'cannot be changed',
    'an issued document cannot be changed, even by the table owner (OM075)'
);
SELECT throws_like(
    $$DELETE FROM public.order_invoices WHERE order_id = 'd9300000-0000-4000-8000-0000000000a1'$$,
    'TAX_INVOICE TI/%/000001 of order d9300000-0000-4000-8000-0000000000a1 is issued and '
    || 'cannot be deleted',
    'an issued document cannot be deleted (OM075)'
);
SELECT lives_ok(
    $$UPDATE public.order_invoices SET updated_at = now()
      WHERE order_id = 'd9300000-0000-4000-8000-0000000000a1'$$,
    'touching updated_at alone changes nothing issued and passes'
);
SELECT throws_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind)
      VALUES ('d9300000-0000-4000-8000-0000000000a2', 'b9300000-0000-4000-8000-000000000001',
              'OM/2627/000009', '2026-12-01', 'LEGACY_INVOICE')$$,
    'OM075',
    'order d9300000-0000-4000-8000-0000000000a2: LEGACY_INVOICE documents are no longer issued',
    'no new invoice of the 1.0.0 kind'
);
SELECT throws_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code)
      VALUES ('d9300000-0000-4000-8000-0000000000a2', 'b9300000-0000-4000-8000-000000000001',
              'TI/2627/000009', '2026-12-01', 'TAX_INVOICE', '36')$$,
    '23514',
    'new row for relation "order_invoices" violates check constraint '
    || '"order_invoices_document_names_its_supplier"',
    'a tax invoice without the supplier''s registration and GSTIN is refused'
);
SET CONSTRAINTS order_invoices_have_lines IMMEDIATE;
SELECT throws_ok(
    $$INSERT INTO public.order_invoices (
          order_id, vendor_id, invoice_number, invoice_date, document_kind, supplier_state_code,
          registration_id, gstin)
      VALUES ('d9300000-0000-4000-8000-0000000000a2', 'b9300000-0000-4000-8000-000000000003',
              'TI/2627/000009', '2026-12-01', 'TAX_INVOICE', '29',
              'f9300000-0000-4000-8000-000000000001', '29AAACT7777B1Z3')$$,
    'OM074',
    'TAX_INVOICE TI/2627/000009 of order d9300000-0000-4000-8000-0000000000a2 covers no '
    || 'line of vendor b9300000-0000-4000-8000-000000000003',
    'a document for a vendor with no line in the order is refused (OM074)'
);
SET CONSTRAINTS order_invoices_have_lines DEFERRED;

-- Orders of 1.0.0 keep their one invoice ------------------------------------------------------
SET LOCAL session_replication_role = replica;
INSERT INTO public.order_invoices (
    order_id, vendor_id, invoice_number, invoice_date, document_kind
) VALUES (
    'd9300000-0000-4000-8000-0000000000a2', 'b9300000-0000-4000-8000-000000000001',
    'OM/2627/000001', '2026-11-20', 'LEGACY_INVOICE'
);
SET LOCAL session_replication_role = origin;
UPDATE public.gst_registrations SET valid_to = NULL
WHERE id = 'f9300000-0000-4000-8000-000000000002';
UPDATE public.orders SET status = 'OUT_FOR_DELIVERY'
WHERE id = 'd9300000-0000-4000-8000-0000000000a2';
SELECT is(
    (
        SELECT array_agg(document_kind::text)
        FROM public.order_invoices WHERE order_id = 'd9300000-0000-4000-8000-0000000000a2'
    ),
    ARRAY['LEGACY_INVOICE'],
    'a vendor invoiced at checkout by 1.0.0 gets no second document at dispatch'
);

-- Who may issue -------------------------------------------------------------------------------
SELECT ok(
    NOT has_function_privilege('authenticated', 'private.issue_order_documents(uuid)', 'EXECUTE')
    AND NOT has_function_privilege('anon', 'private.issue_order_documents(uuid)', 'EXECUTE')
    AND has_function_privilege('service_role', 'private.issue_order_documents(uuid)', 'EXECUTE'),
    'documents are issued by dispatch (or the backend), never by an API user directly'
);
SELECT ok(
    NOT has_function_privilege(
        'service_role',
        'private.next_document_number(uuid, text, public.tax_document_kind, date)', 'EXECUTE'
    ),
    'numbering is internal'
);
SELECT ok(
    NOT has_table_privilege('authenticated', 'private.document_counters', 'SELECT')
    AND NOT has_table_privilege('anon', 'private.document_counters', 'SELECT'),
    'the counters are not readable by API users'
);

SELECT * FROM finish();
ROLLBACK;
