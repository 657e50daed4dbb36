-- Group D, the service masters: medicine_master's own columns, medicine_alternatives,
-- lab_tests, scans_master, doctors and services_master.
BEGIN;
SELECT plan(75);

-- Fixtures: two doctors' profiles and two medicines.
INSERT INTO auth.users (id, email) VALUES
('a0000000-0000-4000-8000-0000000000d1', 'dr.meera@example.in'),
('a0000000-0000-4000-8000-0000000000d2', 'dr.arjun@example.in'),
('a0000000-0000-4000-8000-0000000000d3', 'dr.kiran@example.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    p.id,
    p.full_name,
    r.id AS role_id
FROM (
    VALUES
    ('a0000000-0000-4000-8000-0000000000d1'::uuid, 'Dr Meera Iyer'),
    ('a0000000-0000-4000-8000-0000000000d2'::uuid, 'Dr Arjun Rao'),
    ('a0000000-0000-4000-8000-0000000000d3'::uuid, 'Dr Kiran Shah')
) AS p (id, full_name)
CROSS JOIN public.roles AS r
WHERE r.name = 'STAFF';
INSERT INTO public.medicine_master (id, name, generic_name, hsn_code) VALUES
('e0000000-0000-4000-8000-000000000001', 'Dolo 650', 'Paracetamol 650 mg', '30049099'),
('e0000000-0000-4000-8000-000000000002', 'Calpol 650', 'Paracetamol 650 mg', '30049099');

-- Every table of the group: RLS on, readable by anyone, written by the API roles under RLS.
SELECT
    ok(
        bool_and(c.relrowsecurity),
        'row level security is enabled on every master table'
    )
FROM pg_catalog.pg_class AS c
WHERE c.oid IN (
    'public.medicine_master'::regclass, 'public.medicine_alternatives'::regclass,
    'public.lab_tests'::regclass, 'public.scans_master'::regclass,
    'public.doctors'::regclass, 'public.services_master'::regclass
);
SELECT table_privs_are('public', t.name, 'anon', ARRAY['SELECT'])
FROM (
    VALUES ('medicine_master'), ('medicine_alternatives'), ('lab_tests'), ('scans_master'),
    ('doctors'), ('services_master')
) AS t (name);
SELECT
    table_privs_are(
        'public', t.name, 'authenticated', ARRAY['DELETE', 'INSERT', 'SELECT', 'UPDATE']
    )
FROM (
    VALUES ('medicine_master'), ('medicine_alternatives'), ('lab_tests'), ('scans_master'),
    ('doctors'), ('services_master')
) AS t (name);
SELECT trigger_is('public', t.name, t.name || '_set_updated_at', 'private', 'set_updated_at')
FROM (
    VALUES ('medicine_master'), ('medicine_alternatives'), ('lab_tests'), ('scans_master'),
    ('doctors'), ('services_master')
) AS t (name);

-- medicine_master: the pharmacy columns.
SELECT col_not_null('public', 'medicine_master', 'hsn_code', 'hsn_code is NOT NULL');
SELECT col_type_is(
    'public', 'medicine_master', 'drug_schedule', 'public', 'drug_schedule',
    'drug_schedule is the enum public.drug_schedule'
);
SELECT enum_has_labels('public', 'drug_schedule', ARRAY['OTC', 'H', 'H1', 'X']);
SELECT lives_ok(
    $$INSERT INTO public.medicine_master (name, hsn_code) VALUES ('Zincovit', '3004'),
      ('Azee 500', '300420'), ('Crocin Advance', '30049011')$$,
    'HSN codes of 4, 6 and 8 digits are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (name, hsn_code) VALUES ('Zincovit', '30042')$$,
    '23514',
    'new row for relation "medicine_master" violates check constraint '
    || '"medicine_master_hsn_code_format"',
    'a 5-digit HSN code is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.medicine_master (name, hsn_code, drug_schedule, prescription_required)
      VALUES ('Alprax 0.25', '30049099', 'H1', TRUE)$$,
    'a schedule H1 medicine that requires a prescription is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (name, hsn_code, drug_schedule, prescription_required)
      VALUES ('Alprax 0.5', '30049099', 'H', FALSE)$$,
    '23514',
    'new row for relation "medicine_master" violates check constraint '
    || '"medicine_master_scheduled_drug_needs_prescription"',
    'a schedule H medicine without prescription is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (name, hsn_code) VALUES ('  ', '3004')$$,
    '23514',
    'new row for relation "medicine_master" violates check constraint '
    || '"medicine_master_name_not_blank"',
    'a blank name is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (name, generic_name, hsn_code)
      VALUES ('Dolo', '', '3004')$$,
    '23514',
    'new row for relation "medicine_master" violates check constraint '
    || '"medicine_master_generic_name_not_blank"',
    'a blank generic name is refused'
);

-- medicine_alternatives.
SELECT col_is_pk(
    'public', 'medicine_alternatives', ARRAY['medicine_id', 'alternative_id'],
    'an ordered pair is the primary key'
);
SELECT fk_ok(
    'public', 'medicine_alternatives', 'medicine_id', 'public', 'medicine_master', 'id'
);
SELECT fk_ok(
    'public', 'medicine_alternatives', 'alternative_id', 'public', 'medicine_master', 'id'
);
SELECT has_index(
    'public', 'medicine_alternatives', 'medicine_alternatives_alternative_id_idx',
    'alternative_id', 'the alternative_id foreign key is indexed'
);
SELECT lives_ok(
    $$INSERT INTO public.medicine_alternatives (medicine_id, alternative_id, rank, approved)
      VALUES ('e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002',
              1, TRUE)$$,
    'an alternative is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.medicine_alternatives (medicine_id, alternative_id)
      VALUES ('e0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001')$$,
    'the reverse direction is a pair of its own'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_alternatives (medicine_id, alternative_id)
      VALUES ('e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002')$$,
    '23505',
    'duplicate key value violates unique constraint "medicine_alternatives_pkey"',
    'each ordered pair is listed once'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_alternatives (medicine_id, alternative_id)
      VALUES ('e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001')$$,
    '23514',
    'new row for relation "medicine_alternatives" violates check constraint '
    || '"medicine_alternatives_not_itself"',
    'a medicine is never its own alternative'
);
SELECT throws_ok(
    $$UPDATE public.medicine_alternatives SET rank = 0
      WHERE medicine_id = 'e0000000-0000-4000-8000-000000000002'$$,
    '23514',
    'new row for relation "medicine_alternatives" violates check constraint '
    || '"medicine_alternatives_rank_positive"',
    'a rank below 1 is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_alternatives (medicine_id, alternative_id)
      VALUES ('e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-0000000000ff')$$,
    '23503',
    'insert or update on table "medicine_alternatives" violates foreign key constraint '
    || '"medicine_alternatives_alternative_id_fkey"',
    'an alternative must exist'
);

-- lab_tests.
SELECT col_is_unique('public', 'lab_tests', 'code', 'lab_tests.code is unique');
SELECT col_type_is(
    'public', 'lab_tests', 'sample_type', 'public', 'lab_sample_type',
    'sample_type is the enum public.lab_sample_type'
);
SELECT col_not_null('public', 'lab_tests', 'fasting_needed', 'fasting_needed is NOT NULL');
SELECT lives_ok(
    $$INSERT INTO public.lab_tests (name, code, sample_type, fasting_needed, category)
      VALUES ('HbA1c', 'HBA1C', 'BLOOD', FALSE, 'Diabetes'),
             ('Lipid Profile', 'LIPID-PROFILE', 'BLOOD', TRUE, 'Cardiac')$$,
    'lab tests are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.lab_tests (name, code, sample_type)
      VALUES ('HbA1c again', 'HBA1C', 'BLOOD')$$,
    '23505',
    'duplicate key value violates unique constraint "lab_tests_code_key"',
    'a second test with the same code is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.lab_tests (name, code, sample_type) VALUES ('CBC', 'cbc', 'BLOOD')$$,
    '23514',
    'new row for relation "lab_tests" violates check constraint "lab_tests_code_format"',
    'a lower-case code is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.lab_tests (name, code, sample_type) VALUES (' ', 'CBC', 'BLOOD')$$,
    '23514',
    'new row for relation "lab_tests" violates check constraint "lab_tests_name_not_blank"',
    'a blank name is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.lab_tests (name, code, sample_type, category)
      VALUES ('CBC', 'CBC', 'BLOOD', '')$$,
    '23514',
    'new row for relation "lab_tests" violates check constraint "lab_tests_category_not_blank"',
    'a blank category is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.lab_tests (name, code, sample_type) VALUES ('CBC', 'CBC', 'PLASMA')$$,
    '22P02',
    'invalid input value for enum lab_sample_type: "PLASMA"',
    'a sample type outside the enum is refused'
);

-- scans_master.
SELECT col_type_is(
    'public', 'scans_master', 'modality', 'public', 'scan_modality',
    'modality is the enum public.scan_modality'
);
SELECT enum_has_labels(
    'public', 'scan_modality',
    ARRAY['MRI', 'CT', 'US', 'X_RAY', 'PET_CT', 'MAMMOGRAPHY', 'DEXA', 'FLUOROSCOPY']
);
SELECT col_is_unique('public', 'scans_master', 'name', 'scans_master.name is unique');
SELECT lives_ok(
    $$INSERT INTO public.scans_master (name, body_part, modality, contrast_required)
      VALUES ('CT Abdomen Contrast', 'Whole abdomen', 'CT', TRUE)$$,
    'a scan is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.scans_master (name, body_part, modality)
      VALUES ('CT Abdomen Contrast', 'Abdomen', 'CT')$$,
    '23505',
    'duplicate key value violates unique constraint "scans_master_name_key"',
    'a second scan with the same name is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.scans_master (name, body_part, modality) VALUES ('', 'Knee', 'MRI')$$,
    '23514',
    'new row for relation "scans_master" violates check constraint "scans_master_name_not_blank"',
    'a blank name is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.scans_master (name, body_part, modality) VALUES ('MRI Knee', ' ', 'MRI')$$,
    '23514',
    'new row for relation "scans_master" violates check constraint '
    || '"scans_master_body_part_not_blank"',
    'a blank body part is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.scans_master (name, body_part, modality)
      VALUES ('Knee scan', 'Knee', 'SPECT')$$,
    '22P02',
    'invalid input value for enum scan_modality: "SPECT"',
    'a modality outside the enum is refused'
);

-- doctors.
SELECT fk_ok('public', 'doctors', 'profile_id', 'public', 'profiles', 'id');
SELECT col_is_unique('public', 'doctors', 'profile_id', 'one doctor row per profile');
SELECT col_is_unique('public', 'doctors', 'reg_number', 'doctors.reg_number is unique');
SELECT lives_ok(
    $$INSERT INTO public.doctors (id, profile_id, specialty, reg_number, experience_years)
      VALUES ('e0000000-0000-4000-8000-0000000000a1', 'a0000000-0000-4000-8000-0000000000d1',
              'Cardiology', 'KMC-45321', 12)$$,
    'a doctor is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.doctors (profile_id, specialty, reg_number)
      VALUES ('a0000000-0000-4000-8000-0000000000d1', 'Medicine', 'KMC-99999')$$,
    '23505',
    'duplicate key value violates unique constraint "doctors_profile_id_key"',
    'a profile has at most one doctor row'
);
SELECT throws_ok(
    $$INSERT INTO public.doctors (profile_id, specialty, reg_number)
      VALUES ('a0000000-0000-4000-8000-0000000000d2', 'Medicine', 'KMC-45321')$$,
    '23505',
    'duplicate key value violates unique constraint "doctors_reg_number_key"',
    'a registration number belongs to one doctor'
);
SELECT throws_ok(
    $$INSERT INTO public.doctors (profile_id, specialty, reg_number, experience_years)
      VALUES ('a0000000-0000-4000-8000-0000000000d2', 'Medicine', 'KMC-1', -1)$$,
    '23514',
    'new row for relation "doctors" violates check constraint '
    || '"doctors_experience_years_plausible"',
    'negative experience is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.doctors (profile_id, specialty, reg_number, experience_years)
      VALUES ('a0000000-0000-4000-8000-0000000000d2', 'Medicine', 'KMC-1', 81)$$,
    '23514',
    'new row for relation "doctors" violates check constraint '
    || '"doctors_experience_years_plausible"',
    'more than 80 years of experience is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.doctors (profile_id, specialty, reg_number)
      VALUES ('a0000000-0000-4000-8000-0000000000d2', ' ', 'KMC-1')$$,
    '23514',
    'new row for relation "doctors" violates check constraint "doctors_specialty_not_blank"',
    'a blank specialty is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.doctors (profile_id, specialty, reg_number)
      VALUES ('a0000000-0000-4000-8000-0000000000d2', 'Medicine', ' KMC#1')$$,
    '23514',
    'new row for relation "doctors" violates check constraint "doctors_reg_number_format"',
    'a registration number with stray characters is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.doctors (profile_id, specialty, reg_number)
      VALUES ('a0000000-0000-4000-8000-0000000000d2', 'Dermatology', 'MMC/2011/04512')$$,
    'a registration number with / is accepted, experience defaults to 0'
);
SELECT throws_ok(
    $$DELETE FROM auth.users WHERE id = 'a0000000-0000-4000-8000-0000000000d1'$$,
    '23503',
    'update or delete on table "profiles" violates foreign key constraint '
    || '"doctors_profile_id_fkey" on table "doctors"',
    'a doctor''s account cannot be deleted while the doctor row exists'
);
SELECT lives_ok(
    $$DELETE FROM auth.users WHERE id = 'a0000000-0000-4000-8000-0000000000d3'$$,
    'an account without a doctor row is deleted'
);

-- services_master.
SELECT col_type_is(
    'public', 'services_master', 'unit', 'public', 'service_unit',
    'unit is the enum public.service_unit'
);
SELECT enum_has_labels(
    'public', 'service_unit', ARRAY['PER_KM', 'PER_SESSION', 'PER_VISIT', 'PER_HOUR', 'PER_DAY']
);
SELECT col_is_unique('public', 'services_master', 'name', 'services_master.name is unique');
SELECT lives_ok(
    $$INSERT INTO public.services_master (name, unit) VALUES ('Ambulance (BLS)', 'PER_KM')$$,
    'a service is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.services_master (name, unit) VALUES ('Ambulance (BLS)', 'PER_DAY')$$,
    '23505',
    'duplicate key value violates unique constraint "services_master_name_key"',
    'a second service with the same name is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.services_master (name, unit) VALUES ('', 'PER_DAY')$$,
    '23514',
    'new row for relation "services_master" violates check constraint '
    || '"services_master_name_not_blank"',
    'a blank name is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.services_master (name, unit) VALUES ('Nursing', 'PER_WEEK')$$,
    '22P02',
    'invalid input value for enum service_unit: "PER_WEEK"',
    'a unit outside the enum is refused'
);

SELECT * FROM finish();
ROLLBACK;
