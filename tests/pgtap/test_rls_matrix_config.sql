-- Row level security matrix, catalogue, pricing, slots, configuration and audit log.
-- Each actor's reads and writes of their own rows and of others', as
-- docs/security.md states them.
BEGIN;
SELECT plan(49);

-- Fixtures: the matrix's shared users, vendors, orders and files, and the session's
-- pg_temp.seen(sql) / pg_temp.affected(sql) (tests/pgtap/000_test_helpers.sql).
-- Impersonation as PostgREST does it: SET LOCAL request.jwt.claims to the user's claims and
-- SET LOCAL ROLE authenticated (or anon, service_role); RESET ROLE between actors.
SELECT tests.rls_matrix_fixtures();

-- anon reads the catalogue, prices and slots, and writes nothing.
SET LOCAL ROLE anon;
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.lab_pricing'), 2::bigint, 'anon reads both labs'' prices'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.availability_slots'), 2::bigint, 'anon reads the slots'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.service_catalog'), 1::bigint, 'anon reads the catalogue'
);
SELECT ok(pg_temp.seen('SELECT 1 FROM public.doctor_slots') >= 0, 'anon reads doctor slots');
SELECT throws_ok(
    $$UPDATE public.lab_pricing SET price = 1$$, '42501', 'permission denied for table lab_pricing',
    'anon cannot change prices'
);
SELECT throws_ok(
    'SELECT 1 FROM public.audit_logs', '42501', 'permission denied for table audit_logs',
    'anon cannot read the audit log'
);
RESET ROLE;

-- patient p1 changes no price or slot.
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000001"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected('UPDATE public.lab_pricing SET price = 1'), 0, 'p1 changes no price (0 rows)'
);
SELECT is(
    pg_temp.affected('DELETE FROM public.availability_slots'), 0, 'p1 deletes no slot (0 rows)'
);
SELECT is(
    pg_temp.affected('UPDATE public.lab_tests SET name = name'), 0, 'p1 changes no master (0 rows)'
);
RESET ROLE;

-- staff s1 of v1 manages v1's prices and slots only.
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000012"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected('UPDATE public.lab_pricing SET price = 480'), 1,
    's1 changes v1''s price, and only that one'
);
SELECT is(
    pg_temp.affected($$DELETE FROM public.availability_slots
      WHERE vendor_id = 'b0000000-0000-4000-8000-000000000002'$$),
    0, 's1 cannot delete v2''s slot (0 rows)'
);
SELECT lives_ok(
    $$INSERT INTO public.availability_slots (service_catalog_id, vendor_id, start_time, end_time)
      VALUES ('e2000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
              '2026-12-02 10:00+05:30', '2026-12-02 10:30+05:30')$$,
    's1 opens a slot for v1'
);
SELECT throws_ok(
    $$INSERT INTO public.availability_slots (service_catalog_id, vendor_id, start_time, end_time)
      VALUES ('e2000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002',
              '2026-12-02 10:00+05:30', '2026-12-02 10:30+05:30')$$,
    '42501', 'new row violates row-level security policy for table "availability_slots"',
    's1 cannot open a slot for v2'
);
SELECT throws_ok(
    $$UPDATE public.lab_pricing SET vendor_id = 'b0000000-0000-4000-8000-000000000002',
          branch_id = 'b1000000-0000-4000-8000-000000000002'
      WHERE id = 'e3000000-0000-4000-8000-000000000001'$$,
    '42501', 'new row violates row-level security policy for table "lab_pricing"',
    's1 cannot move v1''s price to v2'
);
SELECT is(pg_temp.seen('SELECT 1 FROM public.audit_logs'), 0::bigint, 's1 reads no audit log');
RESET ROLE;

-- viewer w1 of v1 reads but changes nothing.
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000013"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected('UPDATE public.lab_pricing SET price = 470'), 0,
    'w1 (VIEWER) changes no price (0 rows)'
);
RESET ROLE;

-- the admin runs the catalogue and the configuration.
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000099"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.affected('UPDATE public.lab_pricing SET price = 400'), 2, 'the admin changes any price'
);
SELECT is(
    pg_temp.affected('UPDATE public.service_catalog SET is_active = FALSE'), 1,
    'the admin retires a catalogue entry'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.service_catalog'), 1::bigint,
    'the admin still sees the retired entry'
);
SELECT lives_ok(
    $$INSERT INTO public.feature_flags (feature_key, enabled) VALUES ('video_consult', TRUE)$$,
    'the admin adds a feature flag'
);
SELECT lives_ok(
    $$INSERT INTO public.ui_menus (menu_type, title, is_active)
      VALUES ('MOBILE', 'Draft menu', FALSE)$$,
    'the admin adds an inactive menu'
);
RESET ROLE;

SET LOCAL ROLE anon;
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.service_catalog'), 0::bigint,
    'anon no longer sees the retired catalogue entry'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM public.ui_menus WHERE title = 'Draft menu'$$), 0::bigint,
    'anon does not see an inactive menu'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM public.feature_flags WHERE feature_key = 'video_consult'$$),
    1::bigint, 'anon reads feature flags'
);
RESET ROLE;

-- Every admin-only or vendor-only table refuses a patient's insert (RLS is checked
-- before constraints, so an empty row suffices).
SET LOCAL "request.jwt.claims" = '{"sub": "a0000000-0000-4000-8000-000000000001"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    'INSERT INTO public.vendors DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "vendors"',
    'a patient cannot add to vendors'
);
SELECT throws_ok(
    'INSERT INTO public.vendor_kyc DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "vendor_kyc"',
    'a patient cannot add to vendor_kyc'
);
SELECT throws_ok(
    'INSERT INTO public.service_catalog DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "service_catalog"',
    'a patient cannot add to service_catalog'
);
SELECT throws_ok(
    'INSERT INTO public.medicine_master DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "medicine_master"',
    'a patient cannot add to medicine_master'
);
SELECT throws_ok(
    'INSERT INTO public.medicine_alternatives DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "medicine_alternatives"',
    'a patient cannot add to medicine_alternatives'
);
SELECT throws_ok(
    'INSERT INTO public.lab_tests DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "lab_tests"',
    'a patient cannot add to lab_tests'
);
SELECT throws_ok(
    'INSERT INTO public.scans_master DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "scans_master"',
    'a patient cannot add to scans_master'
);
SELECT throws_ok(
    'INSERT INTO public.doctors DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "doctors"',
    'a patient cannot add to doctors'
);
SELECT throws_ok(
    'INSERT INTO public.services_master DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "services_master"',
    'a patient cannot add to services_master'
);
SELECT throws_ok(
    'INSERT INTO public.refunds DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "refunds"',
    'a patient cannot add to refunds'
);
SELECT throws_ok(
    'INSERT INTO public.marketing_assets DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "marketing_assets"',
    'a patient cannot add to marketing_assets'
);
SELECT throws_ok(
    'INSERT INTO public.feature_flags DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "feature_flags"',
    'a patient cannot add to feature_flags'
);
SELECT throws_ok(
    'INSERT INTO public.content_master DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "content_master"',
    'a patient cannot add to content_master'
);
SELECT throws_ok(
    'INSERT INTO public.taxonomies DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "taxonomies"',
    'a patient cannot add to taxonomies'
);
SELECT throws_ok(
    'INSERT INTO public.taxonomy_terms DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "taxonomy_terms"',
    'a patient cannot add to taxonomy_terms'
);
SELECT throws_ok(
    'INSERT INTO public.service_taxonomy_map DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "service_taxonomy_map"',
    'a patient cannot add to service_taxonomy_map'
);
SELECT throws_ok(
    'INSERT INTO public.ui_menu_items DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "ui_menu_items"',
    'a patient cannot add to ui_menu_items'
);
SELECT throws_ok(
    'INSERT INTO public.ui_carousel_items DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "ui_carousel_items"',
    'a patient cannot add to ui_carousel_items'
);
SELECT throws_ok(
    'INSERT INTO public.ui_menus DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "ui_menus"',
    'a patient cannot add to ui_menus'
);
SELECT throws_ok(
    'INSERT INTO public.ui_carousels DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "ui_carousels"',
    'a patient cannot add to ui_carousels'
);
SELECT throws_ok(
    'INSERT INTO public.medicine_inventory DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "medicine_inventory"',
    'a patient cannot add to medicine_inventory'
);
SELECT throws_ok(
    'INSERT INTO public.lab_pricing DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "lab_pricing"',
    'a patient cannot add to lab_pricing'
);
SELECT throws_ok(
    'INSERT INTO public.scan_pricing DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "scan_pricing"',
    'a patient cannot add to scan_pricing'
);
SELECT throws_ok(
    'INSERT INTO public.service_pricing DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "service_pricing"',
    'a patient cannot add to service_pricing'
);
SELECT throws_ok(
    'INSERT INTO public.availability_slots DEFAULT VALUES',
    '42501',
    'new row violates row-level security policy for table "availability_slots"',
    'a patient cannot add to availability_slots'
);
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
