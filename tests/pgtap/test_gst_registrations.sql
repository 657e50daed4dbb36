-- GST registrations: a vendor's GSTIN in each state it supplies from, validated by the
-- format of its registration type and GSTN's check character. Check characters of the
-- GSTINs below that are not published examples were computed by an independent
-- implementation of the algorithm (docs/decisions/checkout-and-bookings.md).
BEGIN;
SELECT plan(35);

-- Fixtures: two vendors with owners, a patient, an admin.
INSERT INTO auth.users (id, email) VALUES
('a9200000-0000-4000-8000-000000000001', 'gst-owner-1@t92.in'),
('a9200000-0000-4000-8000-000000000002', 'gst-owner-2@t92.in'),
('a9200000-0000-4000-8000-000000000003', 'gst-patient@t92.in'),
('a9200000-0000-4000-8000-000000000004', 'gst-admin@t92.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    u.id,
    u.name AS full_name,
    r.id AS role_id
FROM (
    VALUES
    ('a9200000-0000-4000-8000-000000000001'::uuid, 'Owner One', 'VENDOR_ADMIN'),
    ('a9200000-0000-4000-8000-000000000002', 'Owner Two', 'VENDOR_ADMIN'),
    ('a9200000-0000-4000-8000-000000000003', 'Patient', 'PATIENT'),
    ('a9200000-0000-4000-8000-000000000004', 'Admin', 'ADMIN')
) AS u (id, name, role_name)
INNER JOIN public.roles AS r ON u.role_name = r.name;
INSERT INTO public.vendors (id, name, type, owner_id) VALUES
(
    'b9200000-0000-4000-8000-000000000001', 'Pharmacy One T92', 'PHARMACY',
    'a9200000-0000-4000-8000-000000000001'
),
(
    'b9200000-0000-4000-8000-000000000002', 'Pharmacy Two T92', 'PHARMACY',
    'a9200000-0000-4000-8000-000000000002'
);

-- The check character ------------------------------------------------------------------------
SELECT is(
    private.gstin_check_character('27AAPFU0939F1Z'), 'V', 'published example 27AAPFU0939F1ZV'
);
SELECT is(
    private.gstin_check_character('29AAGCB7383J1Z'), '4', 'published example 29AAGCB7383J1Z4'
);
SELECT is(private.gstin_check_character('29AAACT7777B1Z'), '3', 'a PAN-based GSTIN: 3');
SELECT is(private.gstin_check_character('2925USA12345NF'), 'A', 'a non-resident GSTIN: A');
SELECT is(private.gstin_check_character('2925USA12345UN'), 'M', 'a UIN: M');
SELECT is(
    private.gstin_check_character('29aaact7777b1z'), NULL, 'lower case has no check character'
);
SELECT ok(
    public.is_valid_gstin('27AAPFU0939F1ZV') AND NOT public.is_valid_gstin('27AAPFU0939F1ZW')
    AND NOT public.is_valid_gstin('27aapfu0939f1zv'),
    'is_valid_gstin answers as before on top of gstin_check_character'
);

-- Formats by registration type ---------------------------------------------------------------
SELECT ok(
    private.is_valid_gst_registration('29AAACT7777B1Z3', 'REGULAR'),
    'REGULAR: state, PAN of a company (C), entity 1, Z, check character'
);
SELECT ok(
    NOT private.is_valid_gst_registration('29AAACT7777B1X7', 'REGULAR'),
    'REGULAR refuses a letter other than Z at position 14 (whose check character is right)'
);
SELECT ok(
    NOT private.is_valid_gst_registration('29AAAQT7777B1ZA', 'REGULAR'),
    'REGULAR refuses a PAN whose 4th character (Q) is no holder type'
);
SELECT ok(
    NOT private.is_valid_gst_registration('29AAACT7777B1Z4', 'REGULAR'),
    'REGULAR refuses a wrong check character'
);
SELECT ok(
    private.is_valid_gst_registration('29AAACT7777B1CE', 'TCS'),
    'TCS: a collector such as an e-commerce operator has C at position 14'
);
SELECT ok(
    private.is_valid_gst_registration('29ABCD12345E1DE', 'TDS'),
    'TDS: a deductor registered on its TAN (AAAA99999A) has D at position 14'
);
SELECT ok(
    private.is_valid_gst_registration('2925USA12345NFA', 'NON_RESIDENT'),
    'NON_RESIDENT: year, country, serial, N'
);
SELECT ok(
    private.is_valid_gst_registration('2925USA12345UNM', 'UIN'),
    'UIN: year, country, serial, UN (UN bodies, embassies)'
);
SELECT ok(
    NOT private.is_valid_gst_registration('2925USA12345UNM', 'REGULAR'),
    'a UIN is no regular GSTIN'
);
SELECT ok(
    NOT private.is_valid_gst_registration('25AAACT7777B1ZB', 'REGULAR'),
    'state code 25 (Daman and Diu, merged into 26) issues no GSTIN'
);

-- The table ------------------------------------------------------------------------------------
SELECT has_table('public', 'gst_registrations', 'table gst_registrations exists');
SELECT col_type_is(
    'public', 'gst_registrations', 'registration_type', 'gst_registration_type',
    'registration_type is the enum'
);
SELECT lives_ok(
    $$INSERT INTO public.gst_registrations (id, vendor_id, gstin, valid_from) VALUES
      ('f9200000-0000-4000-8000-000000000001', 'b9200000-0000-4000-8000-000000000001',
       '29AAACT7777B1Z3', '2020-04-01')$$,
    'a regular Karnataka registration is accepted'
);
SELECT is(
    (
        SELECT state_code FROM public.gst_registrations
        WHERE id = 'f9200000-0000-4000-8000-000000000001'
    ),
    '29',
    'its state is the GSTIN''s first two digits'
);
SELECT throws_ok(
    $$INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
      ('b9200000-0000-4000-8000-000000000001', '29AAACT7777B1X7', '2020-04-01')$$,
    '23514',
    'new row for relation "gst_registrations" violates check constraint '
    || '"gst_registrations_gstin_matches_type"',
    'a GSTIN that is not in its type''s format is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
      ('b9200000-0000-4000-8000-000000000001', '29AAACT7777B2Z2', '2024-01-01')$$,
    '23P01',
    'conflicting key value violates exclusion constraint '
    || '"gst_registrations_one_per_vendor_and_state"',
    'a second registration of one vendor in force in the same state is refused'
);
UPDATE public.gst_registrations SET valid_to = '2023-12-31'
WHERE id = 'f9200000-0000-4000-8000-000000000001';
SELECT lives_ok(
    $$INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
      ('b9200000-0000-4000-8000-000000000001', '29AAACT7777B2Z2', '2024-01-01')$$,
    'a new registration after the old one ended is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
      ('b9200000-0000-4000-8000-000000000002', '29AAACT7777B1Z3', '2020-04-01')$$,
    '23505',
    'duplicate key value violates unique constraint "gst_registrations_gstin_key"',
    'a GSTIN belongs to one registration only'
);
SELECT throws_ok(
    $$INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
      ('b9200000-0000-4000-8000-000000000001', '27AAPFU0939F1ZV', '2020-04-01')$$,
    'OM076',
    'GSTIN 27AAPFU0939F1ZV is of PAN AAPFU0939F, but vendor '
    || 'b9200000-0000-4000-8000-000000000001 is registered under PAN AAACT7777B '
    || '(29AAACT7777B1Z3)',
    'a registration under another PAN than the vendor''s is refused (OM076)'
);
SELECT throws_ok(
    $$INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from, valid_to) VALUES
      ('b9200000-0000-4000-8000-000000000002', '04AAACT7777B1ZF', '2020-04-01', '2020-03-31')$$,
    '23514',
    'new row for relation "gst_registrations" violates check constraint '
    || '"gst_registrations_valid_to_not_before_from"',
    'a registration that ends before it starts is refused'
);

-- Who sees and writes registrations --------------------------------------------------------
SET LOCAL ROLE authenticated;
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9200000-0000-4000-8000-000000000001", "role": "authenticated"}',
    TRUE
);
SELECT is(
    (SELECT count(*) FROM public.gst_registrations),
    2::bigint,
    'a vendor''s owner reads the vendor''s registrations'
);
SELECT throws_ok(
    $$INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
      ('b9200000-0000-4000-8000-000000000001', '04AAACT7777B1ZF', '2020-04-01')$$,
    '42501',
    'new row violates row-level security policy for table "gst_registrations"',
    'a vendor cannot register itself: an admin records what the GST portal issued'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9200000-0000-4000-8000-000000000002", "role": "authenticated"}',
    TRUE
);
SELECT is(
    (SELECT count(*) FROM public.gst_registrations),
    0::bigint,
    'another vendor''s owner reads none of them'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9200000-0000-4000-8000-000000000003", "role": "authenticated"}',
    TRUE
);
SELECT is(
    (SELECT count(*) FROM public.gst_registrations), 0::bigint, 'a patient reads none'
);
SELECT set_config(
    'request.jwt.claims',
    '{"sub": "a9200000-0000-4000-8000-000000000004", "role": "authenticated"}',
    TRUE
);
SELECT lives_ok(
    $$INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) VALUES
      ('b9200000-0000-4000-8000-000000000001', '04AAACT7777B1ZF', '2020-04-01')$$,
    'an admin records a registration'
);
RESET ROLE;
SELECT ok(
    NOT has_table_privilege('anon', 'public.gst_registrations', 'SELECT'),
    'anon has no access to registrations'
);

-- Every change of a registration is audited (change audit_trail_gst_registrations): the
-- admin's insert above names the admin; end dates and a delete are logged too.
SELECT results_eq(
    $$SELECT l.action::text, l.actor_kind::text, l.actor_id, l.after_state ->> 'gstin'
      FROM public.audit_logs AS l
      WHERE l.entity_type = 'gst_registrations'
          AND l.after_state ->> 'gstin' = '04AAACT7777B1ZF'$$,
    $$VALUES ('INSERT', 'user', 'a9200000-0000-4000-8000-000000000004'::uuid,
              '04AAACT7777B1ZF')$$,
    'the admin''s new registration is in the audit log, with the admin as actor'
);
UPDATE public.gst_registrations SET valid_to = '2023-06-30'
WHERE id = 'f9200000-0000-4000-8000-000000000001';
DELETE FROM public.gst_registrations WHERE id = 'f9200000-0000-4000-8000-000000000001';
-- (One transaction: the rows share created_at, so they are compared as a set.)
SELECT set_eq(
    $$SELECT l.action::text, l.before_state ->> 'valid_to' AS before_end,
             l.after_state ->> 'valid_to' AS after_end
      FROM public.audit_logs AS l
      WHERE l.entity_type = 'gst_registrations'
          AND l.entity_id = 'f9200000-0000-4000-8000-000000000001'$$,
    $$VALUES ('INSERT', NULL, NULL), ('UPDATE', NULL, '2023-12-31'),
             ('UPDATE', '2023-12-31', '2023-06-30'), ('DELETE', '2023-06-30', NULL)$$,
    'its insert, both end dates and its delete are logged'
);

SELECT * FROM finish();
ROLLBACK;
