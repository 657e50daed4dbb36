-- Group C, the service catalog: the type-to-table mapping, the polymorphic key kept by
-- triggers (service_catalog_check_ref, service_catalog_guard_master) and one listing per row.
BEGIN;
SELECT plan(48);

-- Fixtures: a doctor's profile and one row of every master.
INSERT INTO auth.users (id, email) VALUES
('a0000000-0000-4000-8000-0000000000d1', 'dr.meera@example.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    'a0000000-0000-4000-8000-0000000000d1'::uuid AS id,
    'Dr Meera Iyer' AS full_name,
    r.id AS role_id
FROM public.roles AS r WHERE r.name = 'STAFF';
INSERT INTO public.medicine_master (id, name, generic_name, hsn_code) VALUES
('e0000000-0000-4000-8000-000000000001', 'Dolo 650', 'Paracetamol 650 mg', '30049099');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e0000000-0000-4000-8000-000000000002', 'Complete Blood Count', 'CBC', 'BLOOD'),
('e0000000-0000-4000-8000-000000000012', 'Thyroid Profile', 'TFT', 'BLOOD'),
('e0000000-0000-4000-8000-000000000022', 'Urine Routine', 'URINE-RE', 'URINE');
INSERT INTO public.scans_master (id, name, body_part, modality) VALUES
('e0000000-0000-4000-8000-000000000003', 'MRI Brain Plain', 'Brain', 'MRI');
INSERT INTO public.doctors (id, profile_id, specialty, reg_number) VALUES
(
    'e0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-0000000000d1',
    'Cardiology', 'KMC-45321'
);
INSERT INTO public.services_master (id, name, unit) VALUES
('e0000000-0000-4000-8000-000000000005', 'Home Physiotherapy', 'PER_SESSION');

-- Structure.
SELECT has_table('public', 'service_catalog', 'table service_catalog exists');
SELECT col_is_pk('public', 'service_catalog', 'id', 'service_catalog.id is the primary key');
SELECT col_type_is(
    'public', 'service_catalog', 'service_type', 'public', 'service_type',
    'service_type is the enum public.service_type'
);
SELECT col_not_null('public', 'service_catalog', 'service_type', 'service_type is NOT NULL');
SELECT col_type_is('public', 'service_catalog', 'ref_table', 'text', 'ref_table is text');
SELECT col_not_null('public', 'service_catalog', 'ref_table', 'ref_table is NOT NULL');
SELECT col_type_is('public', 'service_catalog', 'ref_id', 'uuid', 'ref_id is uuid');
SELECT col_not_null('public', 'service_catalog', 'ref_id', 'ref_id is NOT NULL');
SELECT col_not_null('public', 'service_catalog', 'is_active', 'is_active is NOT NULL');
SELECT col_default_is(
    'public', 'service_catalog', 'is_active', 'true', 'is_active defaults to true'
);
SELECT col_is_unique(
    'public', 'service_catalog', ARRAY['ref_table', 'ref_id'], '(ref_table, ref_id) is unique'
);
SELECT trigger_is(
    'public', 'service_catalog', 'service_catalog_set_updated_at', 'private', 'set_updated_at'
);
SELECT trigger_is(
    'public', 'service_catalog', 'service_catalog_check_ref',
    'private', 'service_catalog_check_ref'
);
SELECT
    trigger_is(
        'public', t.name, t.name || '_refuse_delete_while_listed',
        'private', 'service_catalog_guard_master'
    )
FROM (
    VALUES ('medicine_master'), ('lab_tests'), ('scans_master'), ('doctors'), ('services_master')
) AS t (name);
SELECT ok(
    (
        SELECT c.relrowsecurity FROM pg_catalog.pg_class AS c
        WHERE c.oid = 'public.service_catalog'::regclass
    ),
    'row level security is enabled on service_catalog'
);
SELECT table_privs_are('public', 'service_catalog', 'anon', ARRAY['SELECT']);
SELECT table_privs_are(
    'public', 'service_catalog', 'authenticated', ARRAY['DELETE', 'INSERT', 'SELECT', 'UPDATE']
);

-- service_catalog_ref_table_matches_type and the existence check, one type at a time.
SELECT lives_ok(
    $$INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
      ('5c000000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
       'e0000000-0000-4000-8000-000000000001')$$,
    'a medicine is listed through medicine_master'
);
SELECT lives_ok(
    $$INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
      ('5c000000-0000-4000-8000-000000000002', 'LAB_TEST', 'lab_tests',
       'e0000000-0000-4000-8000-000000000002')$$,
    'a lab test is listed through lab_tests'
);
SELECT lives_ok(
    $$INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
      ('5c000000-0000-4000-8000-000000000003', 'SCAN', 'scans_master',
       'e0000000-0000-4000-8000-000000000003')$$,
    'a scan is listed through scans_master'
);
SELECT lives_ok(
    $$INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
      ('5c000000-0000-4000-8000-000000000004', 'DOCTOR_CONSULT', 'doctors',
       'e0000000-0000-4000-8000-000000000004')$$,
    'a doctor consultation is listed through doctors'
);
SELECT lives_ok(
    $$INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
      ('5c000000-0000-4000-8000-000000000005', 'HOME_SERVICE', 'services_master',
       'e0000000-0000-4000-8000-000000000005')$$,
    'a home service is listed through services_master'
);
SELECT throws_ok(
    $$INSERT INTO public.service_catalog (service_type, ref_table, ref_id) VALUES
      ('MEDICINE', 'lab_tests', 'e0000000-0000-4000-8000-000000000012')$$,
    '23514',
    'new row for relation "service_catalog" violates check constraint '
    || '"service_catalog_ref_table_matches_type"',
    'a ref_table that is not the service_type''s master is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_catalog (service_type, ref_table, ref_id) VALUES
      ('LAB_TEST', 'orders', 'e0000000-0000-4000-8000-000000000012')$$,
    '23514',
    'new row for relation "service_catalog" violates check constraint '
    || '"service_catalog_ref_table_matches_type"',
    'a table outside the mapping is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_catalog (service_type, ref_table, ref_id) VALUES
      ('LAB_TEST', 'lab_tests', 'e0000000-0000-4000-8000-0000000000ff')$$,
    '23503',
    'service_catalog: LAB_TEST e0000000-0000-4000-8000-0000000000ff does not exist in '
    || 'public.lab_tests',
    'a ref_id missing from its master table is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_catalog (service_type, ref_table, ref_id) VALUES
      ('DOCTOR_CONSULT', 'doctors', 'e0000000-0000-4000-8000-000000000002')$$,
    '23503',
    'service_catalog: DOCTOR_CONSULT e0000000-0000-4000-8000-000000000002 does not exist in '
    || 'public.doctors',
    'a ref_id of another master (a lab test listed as a doctor) is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_catalog (service_type, ref_table, ref_id) VALUES
      ('INSURANCE', 'insurance_plans', 'e0000000-0000-4000-8000-000000000002')$$,
    '23503',
    'service_catalog: INSURANCE items live in public.insurance_plans, which does not exist yet',
    'INSURANCE items are refused until their master table exists'
);

-- service_catalog_lists_master_once.
SELECT throws_ok(
    $$INSERT INTO public.service_catalog (service_type, ref_table, ref_id) VALUES
      ('LAB_TEST', 'lab_tests', 'e0000000-0000-4000-8000-000000000002')$$,
    '23505',
    'duplicate key value violates unique constraint "service_catalog_lists_master_once"',
    'the same master row is listed only once'
);
SELECT lives_ok(
    $$INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
      ('5c000000-0000-4000-8000-000000000012', 'LAB_TEST', 'lab_tests',
       'e0000000-0000-4000-8000-000000000012')$$,
    'another lab test gets its own catalog row'
);

-- Updates of a catalog row.
SELECT lives_ok(
    $$UPDATE public.service_catalog SET is_active = FALSE
      WHERE id = '5c000000-0000-4000-8000-000000000012'$$,
    'a catalog row is withdrawn from sale with is_active'
);
SELECT throws_ok(
    $$UPDATE public.service_catalog
      SET service_type = 'SCAN', ref_table = 'scans_master'
      WHERE id = '5c000000-0000-4000-8000-000000000012'$$,
    '55000',
    'service_catalog 5c000000-0000-4000-8000-000000000012 lists a LAB_TEST and cannot become '
    || 'a SCAN',
    'a catalog row never changes its type'
);
SELECT throws_ok(
    $$UPDATE public.service_catalog SET ref_id = 'e0000000-0000-4000-8000-0000000000ff'
      WHERE id = '5c000000-0000-4000-8000-000000000012'$$,
    '23503',
    'service_catalog: LAB_TEST e0000000-0000-4000-8000-0000000000ff does not exist in '
    || 'public.lab_tests',
    're-pointing ref_id at a missing row is refused'
);
SELECT lives_ok(
    $$UPDATE public.service_catalog SET ref_id = 'e0000000-0000-4000-8000-000000000022'
      WHERE id = '5c000000-0000-4000-8000-000000000012'$$,
    're-pointing ref_id at an existing unlisted row of the same master is accepted'
);

-- The masters refuse to lose a listed row.
SELECT throws_ok(
    $$DELETE FROM public.medicine_master WHERE id = 'e0000000-0000-4000-8000-000000000001'$$,
    '23503',
    'medicine_master e0000000-0000-4000-8000-000000000001 is listed in service_catalog '
    || '(row 5c000000-0000-4000-8000-000000000001) and cannot be deleted',
    'a listed medicine cannot be deleted'
);
SELECT throws_ok(
    $$DELETE FROM public.lab_tests WHERE id = 'e0000000-0000-4000-8000-000000000002'$$,
    '23503',
    'lab_tests e0000000-0000-4000-8000-000000000002 is listed in service_catalog '
    || '(row 5c000000-0000-4000-8000-000000000002) and cannot be deleted',
    'a listed lab test cannot be deleted'
);
SELECT throws_ok(
    $$DELETE FROM public.scans_master WHERE id = 'e0000000-0000-4000-8000-000000000003'$$,
    '23503',
    'scans_master e0000000-0000-4000-8000-000000000003 is listed in service_catalog '
    || '(row 5c000000-0000-4000-8000-000000000003) and cannot be deleted',
    'a listed scan cannot be deleted'
);
SELECT throws_ok(
    $$DELETE FROM public.doctors WHERE id = 'e0000000-0000-4000-8000-000000000004'$$,
    '23503',
    'doctors e0000000-0000-4000-8000-000000000004 is listed in service_catalog '
    || '(row 5c000000-0000-4000-8000-000000000004) and cannot be deleted',
    'a listed doctor cannot be deleted'
);
SELECT throws_ok(
    $$DELETE FROM public.services_master WHERE id = 'e0000000-0000-4000-8000-000000000005'$$,
    '23503',
    'services_master e0000000-0000-4000-8000-000000000005 is listed in service_catalog '
    || '(row 5c000000-0000-4000-8000-000000000005) and cannot be deleted',
    'a listed home service cannot be deleted'
);
SELECT throws_ok(
    $$UPDATE public.scans_master SET id = 'e0000000-0000-4000-8000-000000000033'
      WHERE id = 'e0000000-0000-4000-8000-000000000003'$$,
    '23503',
    'scans_master e0000000-0000-4000-8000-000000000003 is listed in service_catalog '
    || '(row 5c000000-0000-4000-8000-000000000003) and cannot be renumbered',
    'a listed row cannot change its id'
);
SELECT throws_ok(
    $$TRUNCATE public.services_master CASCADE$$,
    '23503',
    'cannot truncate public.services_master: service_catalog still lists its rows',
    'a master with listed rows cannot be truncated'
);
SELECT lives_ok(
    $$UPDATE public.scans_master SET contrast_required = TRUE
      WHERE id = 'e0000000-0000-4000-8000-000000000003'$$,
    'a listed row can still be edited'
);
SELECT lives_ok(
    $$DELETE FROM public.lab_tests WHERE id = 'e0000000-0000-4000-8000-000000000012'$$,
    'an unlisted master row (no longer listed after re-pointing) can be deleted'
);
SELECT lives_ok(
    $$DELETE FROM public.service_catalog WHERE id = '5c000000-0000-4000-8000-000000000005';
      DELETE FROM public.services_master WHERE id = 'e0000000-0000-4000-8000-000000000005'$$,
    'a master row can be deleted once its catalog row is gone'
);
SELECT is(
    (SELECT count(*)::integer FROM public.service_catalog),
    5,
    'five catalog rows remain'
);

SELECT * FROM finish();
ROLLBACK;
