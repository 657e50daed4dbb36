-- Reference data: extensions, the design's enums, set_updated_at, is_valid_gstin, states
-- and cities.
BEGIN;
SELECT plan(89);

-- Extensions live in schema extensions, as on Supabase.
SELECT has_extension('extensions', 'postgis', 'postgis is in schema extensions');
SELECT has_extension('extensions', 'btree_gist', 'btree_gist is in schema extensions');
SELECT has_extension('extensions', 'pg_trgm', 'pg_trgm is in schema extensions');
SELECT hasnt_extension('public', 'btree_gist', 'no extension is installed in public');

-- The four enums of design section 6, labels in order.
SELECT enum_has_labels(
    'public', 'service_type',
    ARRAY[
        'MEDICINE', 'LAB_TEST', 'SCAN', 'DOCTOR_CONSULT', 'HOME_SERVICE', 'INSURANCE', 'CONTENT'
    ]
);
SELECT enum_has_labels(
    'public', 'vendor_type',
    ARRAY[
        'PHARMACY',
        'DIAGNOSTIC_LAB',
        'SCAN_CENTER',
        'HOSPITAL',
        'PHYSIO_AGENCY',
        'AMBULANCE_PROVIDER',
        'CONTENT_PARTNER'
    ]
);
SELECT enum_has_labels(
    'public', 'order_status',
    ARRAY['PENDING', 'CONFIRMED', 'PROCESSING', 'OUT_FOR_DELIVERY', 'COMPLETED', 'CANCELLED']
);
SELECT enum_has_labels(
    'public', 'payment_status', ARRAY['AWAITING', 'PAID', 'FAILED', 'REFUNDED']
);

-- set_updated_at: the one trigger function.
SELECT has_function('private', 'set_updated_at', ARRAY[]::text[]);
SELECT function_returns('private', 'set_updated_at', ARRAY[]::text[], 'trigger');
SELECT is(
    (
        SELECT proconfig FROM pg_catalog.pg_proc
        WHERE oid = 'private.set_updated_at()'::regprocedure
    ),
    ARRAY['search_path=""'],
    'set_updated_at runs with an empty search_path'
);
SELECT trigger_is(
    'public', 'states', 'states_set_updated_at', 'private', 'set_updated_at'
);

-- is_valid_gstin: properties.
SELECT has_function('public', 'is_valid_gstin', ARRAY['text']);
SELECT function_returns('public', 'is_valid_gstin', ARRAY['text'], 'boolean');
SELECT volatility_is('public', 'is_valid_gstin', ARRAY['text'], 'immutable');
SELECT is_strict('public', 'is_valid_gstin', ARRAY['text']);
SELECT is(
    (
        SELECT proparallel::text FROM pg_catalog.pg_proc
        WHERE oid = 'public.is_valid_gstin(text)'::regprocedure
    ),
    's',
    'is_valid_gstin is PARALLEL SAFE'
);
SELECT is(
    (
        SELECT proconfig FROM pg_catalog.pg_proc
        WHERE oid = 'public.is_valid_gstin(text)'::regprocedure
    ),
    ARRAY['search_path=""'],
    'is_valid_gstin runs with an empty search_path'
);
SELECT ok(
    has_function_privilege('anon', 'public.is_valid_gstin(text)', 'execute'),
    'anon may call is_valid_gstin'
);

-- is_valid_gstin: valid numbers (the two of the notes, others computed independently).
SELECT ok(public.is_valid_gstin('27AAPFU0939F1ZV'), '27AAPFU0939F1ZV (Maharashtra) is valid');
SELECT ok(public.is_valid_gstin('29AAGCB7383J1Z4'), '29AAGCB7383J1Z4 (Karnataka) is valid');
SELECT ok(public.is_valid_gstin('07AAACR5055K1Z9'), '07AAACR5055K1Z9 (Delhi) is valid');
SELECT ok(public.is_valid_gstin('36AAACH7409R1Z2'), '36AAACH7409R1Z2 (Telangana) is valid');
SELECT ok(public.is_valid_gstin('33AABCT1332L1ZL'), '33AABCT1332L1ZL (letter check char)');
SELECT ok(public.is_valid_gstin('38ABCDE1234F2ZW'), '38ABCDE1234F2ZW (Ladakh, entity 2)');
SELECT ok(public.is_valid_gstin('97AAACI1681G1ZI'), '97AAACI1681G1ZI (Other Territory)');
SELECT ok(public.is_valid_gstin('06ABCPK1234M1YW'), '06ABCPK1234M1YW (a letter other than Z)');

-- is_valid_gstin: invalid numbers.
SELECT ok(NOT public.is_valid_gstin('27AAPFU0939F1ZW'), 'wrong check character is invalid');
SELECT ok(NOT public.is_valid_gstin('29AAGCB7383J1Z5'), 'wrong check digit is invalid');
SELECT ok(NOT public.is_valid_gstin('27AAPFU0939G1ZV'), 'one PAN letter changed is invalid');
SELECT ok(NOT public.is_valid_gstin('27aapfu0939f1zv'), 'lower case is invalid');
SELECT ok(NOT public.is_valid_gstin('27AAPFU0939F1Z'), '14 characters is invalid');
SELECT ok(NOT public.is_valid_gstin('27AAPFU0939F1ZVV'), '16 characters is invalid');
SELECT ok(NOT public.is_valid_gstin(' 27AAPFU0939F1ZV'), 'leading space is invalid');
SELECT ok(NOT public.is_valid_gstin('00AAPFU0939F1ZV'), 'state code 00 is invalid');
SELECT ok(NOT public.is_valid_gstin('25AAPFU0939F1ZV'), 'state code 25 (merged) is invalid');
SELECT ok(NOT public.is_valid_gstin('39AAPFU0939F1ZV'), 'state code 39 is invalid');
SELECT ok(NOT public.is_valid_gstin('99AAPFU0939F1ZV'), 'state code 99 is invalid');
SELECT ok(NOT public.is_valid_gstin('27AAPF10939F1ZV'), 'digit in the PAN letters is invalid');
SELECT ok(NOT public.is_valid_gstin('27AAPFU0939F0ZV'), 'entity number 0 is invalid');
SELECT ok(NOT public.is_valid_gstin('27AAPFU0939F111'), 'a digit for the Z letter is invalid');
SELECT ok(NOT public.is_valid_gstin(''), 'empty text is invalid');
SELECT is(public.is_valid_gstin(NULL), NULL, 'NULL in, NULL out (a CHECK lets NULL through)');

-- states: structure.
SELECT has_table('public', 'states', 'table states exists');
SELECT col_is_pk('public', 'states', 'code', 'states is keyed by its GST code');
SELECT col_type_is('public', 'states', 'code', 'text', 'states.code is text');
SELECT col_not_null('public', 'states', 'name', 'states.name is NOT NULL');
SELECT col_not_null(
    'public', 'states', 'is_union_territory', 'states.is_union_territory is NOT NULL'
);
SELECT col_not_null('public', 'states', 'has_legislature', 'states.has_legislature is NOT NULL');
SELECT col_type_is('public', 'states', 'uses_utgst', 'boolean', 'states.uses_utgst is boolean');
SELECT col_is_unique('public', 'states', 'name', 'states.name is unique');
SELECT is(
    (SELECT relrowsecurity FROM pg_catalog.pg_class WHERE oid = 'public.states'::regclass),
    TRUE,
    'states has RLS enabled'
);
SELECT table_privs_are('public', 'states', 'anon', ARRAY['SELECT']);

-- states: the data.
SELECT is((SELECT count(*)::int FROM public.states), 37, '36 states and UTs plus 97');
SELECT is(
    (SELECT count(*)::int FROM public.states WHERE NOT is_union_territory), 28, '28 states'
);
SELECT is(
    (SELECT count(*)::int FROM public.states WHERE is_union_territory AND code <> '97'),
    8,
    '8 union territories'
);
SELECT results_eq(
    $$SELECT code FROM public.states WHERE uses_utgst ORDER BY code$$,
    $$VALUES ('04'), ('26'), ('31'), ('35'), ('38'), ('97')$$,
    'UTGST in Chandigarh, DNH and DD, Lakshadweep, A and N Islands, Ladakh, Other Territory'
);
SELECT results_eq(
    $$SELECT code FROM public.states
      WHERE is_union_territory AND has_legislature ORDER BY code$$,
    $$VALUES ('01'), ('07'), ('34')$$,
    'J and K, Delhi and Puducherry are UTs with a legislature (SGST)'
);
SELECT is(
    (SELECT name FROM public.states WHERE code = '27'), 'Maharashtra', '27 is Maharashtra'
);
SELECT is(
    (SELECT name FROM public.states WHERE code = '36'), 'Telangana', '36 is Telangana'
);
SELECT is(
    (SELECT name FROM public.states WHERE code = '37'), 'Andhra Pradesh', '37 is Andhra Pradesh'
);
SELECT is(
    (SELECT name FROM public.states WHERE code = '26'),
    'Dadra and Nagar Haveli and Daman and Diu',
    '26 is the merged UT'
);
SELECT is_empty(
    $$SELECT code FROM public.states WHERE code IN ('25', '28', '99')$$,
    'no 25 (merged into 26), no 28 (replaced by 37), no 99 (not a place)'
);
SELECT is(
    (SELECT uses_utgst FROM public.states WHERE code = '29'), FALSE, 'Karnataka uses SGST'
);

-- states: constraints.
SELECT lives_ok(
    $$INSERT INTO public.states (code, name, is_union_territory, has_legislature)
      VALUES ('98', 'Test Territory', TRUE, FALSE)$$,
    'a well-formed state row is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.states (code, name, is_union_territory, has_legislature)
      VALUES ('9', 'Short Code', TRUE, FALSE)$$,
    '23514',
    'new row for relation "states" violates check constraint "states_code_is_two_digits"'
);
SELECT throws_ok(
    $$INSERT INTO public.states (code, name, is_union_territory, has_legislature)
      VALUES ('96', '  ', TRUE, FALSE)$$,
    '23514',
    'new row for relation "states" violates check constraint "states_name_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.states (code, name, is_union_territory, has_legislature)
      VALUES ('95', 'Stateless State', FALSE, FALSE)$$,
    '23514',
    'new row for relation "states" violates check constraint "states_state_has_legislature"'
);
SELECT throws_ok(
    $$INSERT INTO public.states (code, name, is_union_territory, has_legislature)
      VALUES ('94', 'Maharashtra', FALSE, TRUE)$$,
    '23505',
    'duplicate key value violates unique constraint "states_name_key"'
);
SELECT throws_ok(
    $$INSERT INTO public.states (code, name, is_union_territory, has_legislature)
      VALUES ('27', 'Another Maharashtra', FALSE, TRUE)$$,
    '23505',
    'duplicate key value violates unique constraint "states_pkey"'
);

-- set_updated_at keeps updated_at, whatever the statement writes.
UPDATE public.states
SET created_at = '2020-01-01', updated_at = '2020-01-01'
WHERE code = '98';
SELECT is(
    (SELECT updated_at FROM public.states WHERE code = '98'),
    now(),
    'an update sets updated_at to now()'
);

-- cities: structure.
SELECT has_table('public', 'cities', 'table cities exists');
SELECT col_is_pk('public', 'cities', 'id', 'cities.id is the primary key');
SELECT col_type_is('public', 'cities', 'id', 'uuid', 'cities.id is uuid');
SELECT col_not_null('public', 'cities', 'state_code', 'cities.state_code is NOT NULL');
SELECT col_not_null('public', 'cities', 'name', 'cities.name is NOT NULL');
SELECT col_type_is(
    'public', 'cities', 'centre', 'extensions', 'geography(Point,4326)',
    'cities.centre is a WGS 84 point'
);
SELECT fk_ok('public', 'cities', 'state_code', 'public', 'states', 'code');
SELECT col_not_null('public', 'cities', 'created_at', 'cities.created_at is NOT NULL');
SELECT col_not_null('public', 'cities', 'updated_at', 'cities.updated_at is NOT NULL');
SELECT trigger_is(
    'public', 'cities', 'cities_set_updated_at', 'private', 'set_updated_at'
);

-- cities: constraints.
SELECT lives_ok(
    $$INSERT INTO public.cities (state_code, name, centre)
      VALUES ('36', 'Hyderabad', 'SRID=4326;POINT(78.4867 17.3850)')$$,
    'Hyderabad (lon 78.49, lat 17.39) is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.cities (state_code, name) VALUES ('29', 'Mysuru')$$,
    'a city without a centre yet is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.cities (state_code, name, centre)
      VALUES ('36', 'Swapped', 'SRID=4326;POINT(17.3850 78.4867)')$$,
    '23514',
    'new row for relation "cities" violates check constraint "cities_centre_within_india"'
);
SELECT throws_ok(
    $$INSERT INTO public.cities (state_code, name) VALUES ('36', '')$$,
    '23514',
    'new row for relation "cities" violates check constraint "cities_name_not_blank"'
);
SELECT throws_ok(
    $$INSERT INTO public.cities (state_code, name) VALUES ('36', 'Hyderabad')$$,
    '23505',
    'duplicate key value violates unique constraint "cities_state_code_name_key"'
);
SELECT lives_ok(
    $$INSERT INTO public.cities (state_code, name) VALUES ('37', 'Hyderabad')$$,
    'the same city name in another state is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.cities (state_code, name) VALUES ('25', 'Daman')$$,
    '23503',
    'insert or update on table "cities" violates foreign key constraint "cities_state_code_fkey"'
);
SELECT throws_ok(
    $$DELETE FROM public.states WHERE code = '36'$$,
    '23503',
    'update or delete on table "states" violates foreign key constraint '
    || '"cities_state_code_fkey" on table "cities"'
);

SELECT * FROM finish();
ROLLBACK;
