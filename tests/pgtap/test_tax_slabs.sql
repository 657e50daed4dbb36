-- Group G, GST: tax_slabs (dated rates per HSN/SAC code) and tax_slab_for().
BEGIN;
SELECT plan(43);

-- Structure.
SELECT has_table('public', 'tax_slabs', 'table tax_slabs exists');
SELECT col_is_pk('public', 'tax_slabs', 'id', 'tax_slabs.id is the primary key');
SELECT col_type_is('public', 'tax_slabs', 'hsn_code', 'text', 'hsn_code is text');
SELECT col_not_null('public', 'tax_slabs', 'hsn_code', 'hsn_code is NOT NULL');
SELECT col_type_is('public', 'tax_slabs', 'cgst', 'percent_rate', 'cgst is numeric(5,2)');
SELECT col_type_is('public', 'tax_slabs', 'sgst', 'percent_rate', 'sgst is numeric(5,2)');
SELECT col_type_is('public', 'tax_slabs', 'igst', 'percent_rate', 'igst is numeric(5,2)');
SELECT col_not_null('public', 'tax_slabs', 'effective_from', 'effective_from is NOT NULL');
SELECT col_is_null('public', 'tax_slabs', 'effective_to', 'effective_to may be NULL (open)');
SELECT index_is_type(
    'public', 'tax_slabs', 'tax_slabs_no_overlap', 'gist', 'the overlap guard is a gist index'
);
SELECT trigger_is(
    'public', 'tax_slabs', 'tax_slabs_set_updated_at', 'private', 'set_updated_at'
);
SELECT table_privs_are('public', 'tax_slabs', 'anon', ARRAY['SELECT']);
SELECT table_privs_are('public', 'tax_slabs', 'authenticated', ARRAY['SELECT']);
SELECT function_returns('public', 'tax_slab_for', ARRAY['text', 'date'], 'tax_slabs');
SELECT volatility_is('public', 'tax_slab_for', ARRAY['text', 'date'], 'stable');
SELECT function_privs_are(
    'public', 'tax_slab_for', ARRAY['text', 'date'], 'anon', ARRAY['EXECUTE']
);

-- The shipped slabs: 3004 at 12% until 21 September 2025, 5% from 22 September 2025.
SELECT results_eq(
    $$SELECT cgst::numeric, sgst::numeric, igst::numeric
      FROM public.tax_slab_for('3004', '2025-09-21')$$,
    $$VALUES (6.00::numeric, 6.00::numeric, 12.00::numeric)$$,
    '3004 is 6 + 6 (IGST 12) on 21 September 2025'
);
SELECT results_eq(
    $$SELECT cgst::numeric, sgst::numeric, igst::numeric
      FROM public.tax_slab_for('3004', '2025-09-22')$$,
    $$VALUES (2.50::numeric, 2.50::numeric, 5.00::numeric)$$,
    '3004 is 2.5 + 2.5 (IGST 5) from 22 September 2025'
);
SELECT results_eq(
    $$SELECT hsn_code, igst::numeric FROM public.tax_slab_for('30049099', '2026-01-15')$$,
    $$VALUES ('3004'::text, 5.00::numeric)$$,
    'an 8-digit medicine code falls back to its heading 3004'
);
SELECT results_eq(
    $$SELECT igst::numeric FROM public.tax_slab_for('999312', '2025-09-22')$$,
    $$VALUES (0.00::numeric)$$,
    'a SAC code under 9993 (health care services) is exempt'
);

-- The longest prefix in force wins: an 8-digit nil slab overrides 3004 from its start only.
SELECT lives_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES (
          '30049011', 'Life-saving drug (test)', 0, 0, 0, '2025-09-22', 'test notification'
      )$$,
    'an 8-digit slab under a 4-digit heading is accepted'
);
SELECT results_eq(
    $$SELECT hsn_code, igst::numeric FROM public.tax_slab_for('30049011', '2025-09-22')$$,
    $$VALUES ('30049011'::text, 0.00::numeric)$$,
    'the 8-digit slab wins over 3004 while in force'
);
SELECT results_eq(
    $$SELECT hsn_code, igst::numeric FROM public.tax_slab_for('30049011', '2025-09-21')$$,
    $$VALUES ('3004'::text, 12.00::numeric)$$,
    'before the 8-digit slab starts, the heading 3004 applies'
);

-- tax_slab_for errors.
SELECT throws_ok(
    $$SELECT public.tax_slab_for('3004', '2017-06-30')$$,
    'P0002',
    'no GST slab in force for code 3004 on 2017-06-30',
    'no slab before GST began: P0002'
);
SELECT throws_ok(
    $$SELECT public.tax_slab_for('8471', '2025-09-22')$$,
    'P0002',
    'no GST slab in force for code 8471 on 2025-09-22',
    'a code without any slab: P0002'
);
SELECT throws_ok(
    $$SELECT public.tax_slab_for('30A4', '2025-09-22')$$,
    '22023',
    '"30A4" is not an HSN/SAC code',
    'a malformed code: 22023'
);
SELECT throws_ok(
    $$SELECT public.tax_slab_for(NULL, '2025-09-22')$$,
    '22004',
    'tax_slab_for needs a code and a date, got NULL',
    'a NULL code: 22004'
);

-- tax_slabs_no_overlap.
SELECT lives_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, effective_to, notification
      ) VALUES (
          '9022', 'X-ray apparatus (test)', 9, 9, 18, '2017-07-01', '2025-09-21', 'test'
      ), (
          '9022', 'X-ray apparatus (test)', 2.5, 2.5, 5, '2025-09-22', NULL, 'test'
      )$$,
    'two slabs of one code meeting day to day are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('3004', 'Overlapping', 9, 9, 18, '2025-09-21', 'test')$$,
    '23P01',
    'conflicting key value violates exclusion constraint "tax_slabs_no_overlap"',
    'a slab sharing a day with another of its code is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('3004', 'Overlapping', 9, 9, 18, '2030-01-01', 'test')$$,
    '23P01',
    NULL,
    'overlapping an open-ended slab raises 23P01'
);

-- tax_slabs_cgst_equals_sgst, tax_slabs_igst_is_cgst_plus_sgst, tax_slabs_rates_in_range.
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('4015', 'Surgical gloves', 6, 3, 9, '2025-09-22', 'test')$$,
    '23514',
    'new row for relation "tax_slabs" violates check constraint "tax_slabs_cgst_equals_sgst"'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('4015', 'Surgical gloves', 2.5, 2.5, 12, '2025-09-22', 'test')$$,
    '23514',
    'new row for relation "tax_slabs" violates check constraint '
    || '"tax_slabs_igst_is_cgst_plus_sgst"'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('4015', 'Surgical gloves', -1, -1, -2, '2025-09-22', 'test')$$,
    '23514',
    'value for domain percent_rate violates check constraint "percent_rate_between_0_and_100"'
);
SELECT lives_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('4015', 'Surgical gloves', 2.5, 2.5, 5, '2025-09-22', 'test')$$,
    'a slab with CGST = SGST and IGST = CGST + SGST is accepted'
);

-- tax_slabs_hsn_code_is_hsn_or_sac.
SELECT lives_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('999311', 'Inpatient services', 0, 0, 0, '2017-07-01', 'test')$$,
    'a 6-digit SAC code is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('99931100', 'Too long a SAC', 0, 0, 0, '2017-07-01', 'test')$$,
    '23514',
    'new row for relation "tax_slabs" violates check constraint '
    || '"tax_slabs_hsn_code_is_hsn_or_sac"'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('30041', 'Five digits', 6, 6, 12, '2017-07-01', 'test')$$,
    '23514',
    'new row for relation "tax_slabs" violates check constraint '
    || '"tax_slabs_hsn_code_is_hsn_or_sac"'
);

-- tax_slabs_effective_to_after_from, the not-blank checks.
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, effective_to, notification
      ) VALUES ('4016', 'Backwards', 6, 6, 12, '2025-09-22', '2025-09-21', 'test')$$,
    '23514',
    'new row for relation "tax_slabs" violates check constraint '
    || '"tax_slabs_effective_to_after_from"'
);
SELECT lives_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, effective_to, notification
      ) VALUES ('4016', 'One day', 6, 6, 12, '2025-09-22', '2025-09-22', 'test')$$,
    'a one-day slab is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('4017', '  ', 6, 6, 12, '2017-07-01', 'test')$$,
    '23514',
    'new row for relation "tax_slabs" violates check constraint '
    || '"tax_slabs_description_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES ('4017', 'Blank source', 6, 6, 12, '2017-07-01', '')$$,
    '23514',
    'new row for relation "tax_slabs" violates check constraint '
    || '"tax_slabs_notification_not_blank"'
);

-- A multi-row INSERT with one bad row leaves no row behind.
SELECT throws_ok(
    $$INSERT INTO public.tax_slabs (
          hsn_code, description, cgst, sgst, igst, effective_from, notification
      ) VALUES
      ('4018', 'Good row', 2.5, 2.5, 5, '2025-09-22', 'test'),
      ('4019', 'Bad row', 2.5, 3, 5.5, '2025-09-22', 'test')$$,
    '23514',
    'new row for relation "tax_slabs" violates check constraint "tax_slabs_cgst_equals_sgst"'
);
SELECT is(
    (SELECT count(*) FROM public.tax_slabs WHERE hsn_code IN ('4018', '4019')),
    0::bigint,
    'the failed multi-row insert left no row behind'
);

SELECT * FROM finish();
ROLLBACK;
