-- Group D, medicine versioning: one chain per medicine (v1 <- v2 <- ...), no forks, no
-- cycles, superseded versions frozen, and publish_medicine_version() moving the catalog.
BEGIN;
SELECT plan(47);

-- Fixtures: a pharmacy with one branch, and a second medicine to be an alternative.
INSERT INTO auth.users (id, email) VALUES
('a0000000-0000-4000-8000-0000000000b1', 'owner@pharma.example.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    'a0000000-0000-4000-8000-0000000000b1'::uuid AS id,
    'Ravi Kumar' AS full_name,
    r.id AS role_id
FROM public.roles AS r WHERE r.name = 'VENDOR_ADMIN';
INSERT INTO public.cities (id, state_code, name) VALUES
('c0000000-0000-4000-8000-0000000000b1', '29', 'Mysuru');
INSERT INTO public.vendors (id, name, type, owner_id) VALUES
(
    'b0000000-0000-4000-8000-000000000001', 'Mysuru Medicals', 'PHARMACY',
    'a0000000-0000-4000-8000-0000000000b1'
);
INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords) VALUES
(
    'd0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001',
    'c0000000-0000-4000-8000-0000000000b1', 'SRID=4326;POINT(76.6394 12.2958)'
);
INSERT INTO public.medicine_master (id, name, generic_name, hsn_code) VALUES
('e0000000-0000-4000-8000-000000000099', 'Calpol 650', 'Paracetamol 650 mg', '30049099');

-- Structure.
SELECT has_table('public', 'medicine_master', 'table medicine_master exists');
SELECT col_is_pk('public', 'medicine_master', 'id', 'medicine_master.id is the primary key');
SELECT col_not_null('public', 'medicine_master', 'version', 'version is NOT NULL');
SELECT col_default_is('public', 'medicine_master', 'version', 1, 'version defaults to 1');
SELECT col_is_unique('public', 'medicine_master', 'parent_id', 'parent_id is unique (no forks)');
SELECT fk_ok(
    'public', 'medicine_master', ARRAY['parent_id', 'parent_version'],
    'public', 'medicine_master', ARRAY['id', 'version'],
    '(parent_id, parent_version) references (id, version)'
);
SELECT is(
    (
        SELECT a.attgenerated::text FROM pg_catalog.pg_attribute AS a
        WHERE a.attrelid = 'public.medicine_master'::regclass AND a.attname = 'parent_version'
    ),
    's',
    'parent_version is a stored generated column'
);
SELECT trigger_is(
    'public', 'medicine_master', 'medicine_master_refuse_superseded_edit',
    'private', 'medicine_master_refuse_superseded_edit'
);
SELECT trigger_is(
    'public', 'medicine_master', 'medicine_master_move_to_new_version',
    'private', 'medicine_master_move_to_new_version'
);
SELECT has_function(
    'public', 'publish_medicine_version', ARRAY['uuid', 'jsonb'],
    'publish_medicine_version(uuid, jsonb) exists'
);
SELECT function_returns(
    'public', 'publish_medicine_version', ARRAY['uuid', 'jsonb'], 'medicine_master',
    'publish_medicine_version returns a medicine_master row'
);
SELECT function_privs_are(
    'public', 'publish_medicine_version', ARRAY['uuid', 'jsonb'], 'anon', ARRAY[]::text[],
    'anon cannot publish'
);
SELECT function_privs_are(
    'public', 'publish_medicine_version', ARRAY['uuid', 'jsonb'], 'authenticated',
    ARRAY['EXECUTE'], 'authenticated may call publish (RLS decides on the insert)'
);

-- The chain, inserted by hand.
SELECT lives_ok(
    $$INSERT INTO public.medicine_master (id, name, generic_name, hsn_code, pack_size)
      VALUES ('e0000000-0000-4000-8000-000000000001', 'Dolo 650', 'Paracetamol 650 mg',
              '30049099', 'strip of 15 tablets')$$,
    'a version 1 without parent is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (version, parent_id, name, hsn_code)
      VALUES (0, 'e0000000-0000-4000-8000-000000000001', 'Dolo 650', '30049099')$$,
    '23514',
    'new row for relation "medicine_master" violates check constraint '
    || '"medicine_master_version_positive"',
    'version 0 is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (version, parent_id, name, hsn_code)
      VALUES (1, 'e0000000-0000-4000-8000-000000000001', 'Dolo 650', '30049099')$$,
    '23514',
    'new row for relation "medicine_master" violates check constraint '
    || '"medicine_master_first_version_has_no_parent"',
    'a version 1 with a parent is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (version, name, hsn_code)
      VALUES (2, 'Dolo 650', '30049099')$$,
    '23514',
    'new row for relation "medicine_master" violates check constraint '
    || '"medicine_master_first_version_has_no_parent"',
    'a version 2 without a parent is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (version, parent_id, name, hsn_code)
      VALUES (3, 'e0000000-0000-4000-8000-000000000001', 'Dolo 650', '30049099')$$,
    '23503',
    'insert or update on table "medicine_master" violates foreign key constraint '
    || '"medicine_master_version_follows_parent"',
    'a version that is not the parent''s + 1 is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (version, parent_id, name, hsn_code)
      VALUES (2, 'e0000000-0000-4000-8000-0000000000ff', 'Dolo 650', '30049099')$$,
    '23503',
    'insert or update on table "medicine_master" violates foreign key constraint '
    || '"medicine_master_version_follows_parent"',
    'a missing parent is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (id, version, parent_id, name, hsn_code)
      VALUES ('e0000000-0000-4000-8000-000000000077', 2,
              'e0000000-0000-4000-8000-000000000077', 'Loop', '30049099')$$,
    '23503',
    'insert or update on table "medicine_master" violates foreign key constraint '
    || '"medicine_master_version_follows_parent"',
    'a version cannot be its own parent (no cycles)'
);
SELECT lives_ok(
    $$INSERT INTO public.medicine_master (id, version, parent_id, name, generic_name, hsn_code)
      VALUES ('e0000000-0000-4000-8000-000000000002', 2,
              'e0000000-0000-4000-8000-000000000001', 'Dolo 650', 'Paracetamol 650 mg',
              '30049099')$$,
    'version 2 of the chain is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.medicine_master (version, parent_id, name, hsn_code)
      VALUES (2, 'e0000000-0000-4000-8000-000000000001', 'Dolo 650 fork', '30049099')$$,
    '23505',
    'duplicate key value violates unique constraint "medicine_master_one_successor"',
    'a second successor of version 1 (a fork) is refused'
);

-- Superseded versions are frozen; the chain never changes.
SELECT throws_ok(
    $$UPDATE public.medicine_master SET name = 'Dolo-650'
      WHERE id = 'e0000000-0000-4000-8000-000000000001'$$,
    '55000',
    'medicine_master e0000000-0000-4000-8000-000000000001 (version 1) is superseded and '
    || 'cannot be edited',
    'editing a superseded version is refused'
);
SELECT lives_ok(
    $$UPDATE public.medicine_master SET name = name
      WHERE id = 'e0000000-0000-4000-8000-000000000001'$$,
    'a no-op update of a superseded version passes'
);
SELECT throws_ok(
    $$UPDATE public.medicine_master SET version = 5
      WHERE id = 'e0000000-0000-4000-8000-000000000002'$$,
    '55000',
    'medicine_master e0000000-0000-4000-8000-000000000002: id, version and parent_id never '
    || 'change (version 2, parent e0000000-0000-4000-8000-000000000001)',
    'renumbering a version is refused'
);
SELECT throws_ok(
    $$DELETE FROM public.medicine_master WHERE id = 'e0000000-0000-4000-8000-000000000001'$$,
    '23503',
    'update or delete on table "medicine_master" violates foreign key constraint '
    || '"medicine_master_version_follows_parent" on table "medicine_master"',
    'a superseded version cannot be deleted'
);
SELECT lives_ok(
    $$UPDATE public.medicine_master SET pack_size = 'strip of 15 tablets'
      WHERE id = 'e0000000-0000-4000-8000-000000000002'$$,
    'the current version can be edited'
);

-- Listing: only the current version.
SELECT throws_ok(
    $$INSERT INTO public.service_catalog (service_type, ref_table, ref_id)
      VALUES ('MEDICINE', 'medicine_master', 'e0000000-0000-4000-8000-000000000001')$$,
    '23514',
    'service_catalog: medicine_master e0000000-0000-4000-8000-000000000001 is superseded by '
    || 'e0000000-0000-4000-8000-000000000002; list the current version',
    'a superseded version cannot be listed'
);
SELECT lives_ok(
    $$INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id)
      VALUES ('5c000000-0000-4000-8000-000000000001', 'MEDICINE', 'medicine_master',
              'e0000000-0000-4000-8000-000000000002');
      INSERT INTO public.medicine_inventory (medicine_id, vendor_id, branch_id, stock_qty,
                                             price, mrp)
      VALUES ('e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001',
              'd0000000-0000-4000-8000-000000000001', 40, 28.50, 30.00);
      INSERT INTO public.medicine_alternatives (medicine_id, alternative_id)
      VALUES ('e0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000099'),
             ('e0000000-0000-4000-8000-000000000099', 'e0000000-0000-4000-8000-000000000002')$$,
    'the current version is listed, stocked and has alternatives'
);

-- publish_medicine_version.
SELECT is(
    (public.publish_medicine_version(
        'e0000000-0000-4000-8000-000000000002',
        '{"pack_size": "strip of 10 tablets", "hsn_code": "3004"}'
    )).version,
    3,
    'publishing version 2 returns version 3'
);
SELECT results_eq(
    $$SELECT version, parent_id, name, pack_size, hsn_code FROM public.medicine_master
      WHERE parent_id = 'e0000000-0000-4000-8000-000000000002'$$,
    $$VALUES (3, 'e0000000-0000-4000-8000-000000000002'::uuid, 'Dolo 650',
              'strip of 10 tablets', '3004')$$,
    'version 3 carries the changes and keeps the rest'
);
SELECT is(
    (
        SELECT c.ref_id FROM public.service_catalog AS c
        WHERE c.id = '5c000000-0000-4000-8000-000000000001'
    ),
    (
        SELECT m.id FROM public.medicine_master AS m
        WHERE m.parent_id = 'e0000000-0000-4000-8000-000000000002'
    ),
    'the catalog row now points at version 3'
);
SELECT is(
    (
        SELECT i.medicine_id FROM public.medicine_inventory AS i
        WHERE i.branch_id = 'd0000000-0000-4000-8000-000000000001'
    ),
    (
        SELECT m.id FROM public.medicine_master AS m
        WHERE m.parent_id = 'e0000000-0000-4000-8000-000000000002'
    ),
    'the branch''s stock moved to version 3'
);
SELECT results_eq(
    $$SELECT count(*)::integer FROM public.medicine_alternatives AS a
      JOIN public.medicine_master AS m ON m.id IN (a.medicine_id, a.alternative_id)
      WHERE m.parent_id = 'e0000000-0000-4000-8000-000000000002'$$,
    $$VALUES (2)$$,
    'both alternative rows moved to version 3'
);
SELECT throws_ok(
    $$UPDATE public.medicine_master SET pack_size = 'strip of 20 tablets'
      WHERE id = 'e0000000-0000-4000-8000-000000000002'$$,
    '55000',
    'medicine_master e0000000-0000-4000-8000-000000000002 (version 2) is superseded and '
    || 'cannot be edited',
    'version 2 is frozen once version 3 is published'
);
SELECT throws_ok(
    $$SELECT public.publish_medicine_version('e0000000-0000-4000-8000-000000000002', '{}')$$,
    '55000',
    'publish_medicine_version: medicine e0000000-0000-4000-8000-000000000002 (version 2) is '
    || 'already superseded by '
    || (
        SELECT m.id::text FROM public.medicine_master AS m
        WHERE m.parent_id = 'e0000000-0000-4000-8000-000000000002'
    ),
    'publishing from a superseded version is refused'
);
SELECT throws_ok(
    $$SELECT public.publish_medicine_version('e0000000-0000-4000-8000-0000000000ff', '{}')$$,
    'P0002',
    'publish_medicine_version: medicine e0000000-0000-4000-8000-0000000000ff does not exist',
    'publishing a missing medicine is refused'
);
SELECT throws_ok(
    $$SELECT public.publish_medicine_version(
        'e0000000-0000-4000-8000-000000000099', '{"version": 9, "parent_id": null}')$$,
    '22023',
    'publish_medicine_version: cannot set parent_id, version',
    'p_changes may not name the chain columns'
);
SELECT throws_ok(
    $$SELECT public.publish_medicine_version(
        'e0000000-0000-4000-8000-000000000099', '["name"]')$$,
    '22023',
    'publish_medicine_version: p_changes must be a JSON object',
    'p_changes must be an object'
);
SELECT throws_ok(
    $$SELECT public.publish_medicine_version(
        'e0000000-0000-4000-8000-000000000099', '{"hsn_code": "30A4"}')$$,
    '23514',
    'new row for relation "medicine_master" violates check constraint '
    || '"medicine_master_hsn_code_format"',
    'the new version still obeys the table''s constraints'
);
SELECT is(
    (public.publish_medicine_version(
        'e0000000-0000-4000-8000-000000000099',
        '{"drug_schedule": "H", "prescription_required": true}'
    )).drug_schedule,
    'H'::public.drug_schedule,
    'an unlisted medicine can be republished with a new schedule'
);
SELECT is(
    (
        SELECT max(m.version) FROM public.medicine_master AS m
        WHERE m.name = 'Dolo 650'
    ),
    3,
    'the Dolo 650 chain has three versions'
);

-- Search indexes (design section 5).
SELECT index_is_type('public', 'medicine_master', 'medicine_master_search_fts', 'gin');
SELECT matches(
    (
        SELECT i.indexdef FROM pg_catalog.pg_indexes AS i
        WHERE i.indexname = 'medicine_master_search_fts'
    ),
    'to_tsvector\(''simple''::regconfig, \(\(name \|\| '' ''::text\) \|\| '
    || 'COALESCE\(generic_name, ''''::text\)\)\)',
    'the FTS index covers name and generic_name with the simple configuration'
);
SELECT index_is_type('public', 'medicine_master', 'medicine_master_name_trgm', 'gin');
SELECT index_is_type('public', 'medicine_master', 'medicine_master_generic_name_trgm', 'gin');
SELECT ok(
    EXISTS (
        SELECT 1 FROM public.medicine_master AS m
        WHERE
            to_tsvector('simple'::regconfig, m.name || ' ' || coalesce(m.generic_name, ''))
            @@ plainto_tsquery('simple'::regconfig, 'paracetamol')
    ),
    'a generic name finds its medicines by full-text search'
);

SELECT * FROM finish();
ROLLBACK;
