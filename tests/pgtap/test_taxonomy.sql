-- Group J, central taxonomy: taxonomies, taxonomy_terms (a tree per taxonomy) and
-- service_taxonomy_map (tags allowed only where the taxonomy applies).
BEGIN;
SELECT plan(48);

-- Fixtures: a lab test and a scan listed in the catalogue.
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e5b00000-0000-4000-8000-000000000001', 'Lipid profile', 'H5B-LIPID', 'BLOOD');
INSERT INTO public.scans_master (id, name, body_part, modality) VALUES
('e5b00000-0000-4000-8000-000000000002', 'H5B echo scan', 'Heart', 'US');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    'f5b00000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e5b00000-0000-4000-8000-000000000001'
),
(
    'f5b00000-0000-4000-8000-000000000002', 'SCAN', 'scans_master',
    'e5b00000-0000-4000-8000-000000000002'
);

-- Structure.
SELECT has_table('public', 'taxonomies', 'table taxonomies exists');
SELECT col_type_is(
    'public', 'taxonomies', 'applicable_service_types', 'service_type[]',
    'applicable_service_types is service_type[]'
);
SELECT col_not_null(
    'public', 'taxonomies', 'applicable_service_types', 'applicable_service_types is NOT NULL'
);
SELECT col_not_null('public', 'taxonomies', 'slug', 'taxonomies.slug is NOT NULL');
SELECT has_table('public', 'taxonomy_terms', 'table taxonomy_terms exists');
SELECT fk_ok('public', 'taxonomy_terms', 'taxonomy_id', 'public', 'taxonomies', 'id');
SELECT fk_ok(
    'public', 'taxonomy_terms', ARRAY['taxonomy_id', 'parent_id'],
    'public', 'taxonomy_terms', ARRAY['taxonomy_id', 'id']
);
SELECT has_index(
    'public', 'taxonomy_terms', 'taxonomy_terms_taxonomy_id_parent_id_idx',
    ARRAY['taxonomy_id', 'parent_id']
);
SELECT trigger_is(
    'public', 'taxonomy_terms', 'taxonomy_terms_check_tree', 'private', 'taxonomy_terms_check_tree'
);
SELECT has_table('public', 'service_taxonomy_map', 'table service_taxonomy_map exists');
SELECT col_is_pk(
    'public', 'service_taxonomy_map', ARRAY['service_catalog_id', 'taxonomy_term_id'],
    'the map''s key is the pair'
);
SELECT fk_ok(
    'public', 'service_taxonomy_map', 'service_catalog_id', 'public', 'service_catalog', 'id'
);
SELECT fk_ok(
    'public', 'service_taxonomy_map', 'taxonomy_term_id', 'public', 'taxonomy_terms', 'id'
);
SELECT has_index(
    'public', 'service_taxonomy_map', 'service_taxonomy_map_taxonomy_term_id_idx',
    ARRAY['taxonomy_term_id']
);
SELECT is(
    (
        SELECT bool_and(c.relrowsecurity)
        FROM pg_catalog.pg_class AS c
        WHERE c.oid IN (
            'public.taxonomies'::regclass,
            'public.taxonomy_terms'::regclass,
            'public.service_taxonomy_map'::regclass
        )
    ),
    TRUE,
    'the three taxonomy tables have RLS enabled'
);
SELECT table_privs_are('public', 'taxonomy_terms', 'anon', ARRAY['SELECT']);

-- taxonomies.
SELECT lives_ok(
    $$INSERT INTO public.taxonomies (id, name, slug, applicable_service_types) VALUES
      ('15b00000-0000-4000-8000-000000000001', 'Specialty', 'specialty',
       '{LAB_TEST,DOCTOR_CONSULT}'),
      ('15b00000-0000-4000-8000-000000000002', 'Body System', 'body-system', '{LAB_TEST,SCAN}'),
      ('15b00000-0000-4000-8000-000000000003', 'Risk', 'risk', '{LAB_TEST}')$$,
    'taxonomies applying to some service types are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomies (name, slug, applicable_service_types)
      VALUES ('Nothing', 'nothing', '{}')$$,
    '23514',
    'new row for relation "taxonomies" violates check constraint '
    '"taxonomies_applies_to_some_service_type"',
    'an empty list of applicable types is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomies (name, slug, applicable_service_types)
      VALUES ('Holey', 'holey', ARRAY['SCAN', NULL]::public.service_type[])$$,
    '23514',
    'new row for relation "taxonomies" violates check constraint '
    '"taxonomies_applies_to_some_service_type"',
    'a NULL among the applicable types is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomies (name, slug, applicable_service_types)
      VALUES ('Speciality', 'specialty', '{SCAN}')$$,
    '23505',
    'duplicate key value violates unique constraint "taxonomies_slug_key"',
    'a duplicate taxonomy slug is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomies (name, slug, applicable_service_types)
      VALUES ('Specialty', 'specialty-2', '{SCAN}')$$,
    '23505',
    'duplicate key value violates unique constraint "taxonomies_name_key"',
    'a duplicate taxonomy name is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomies (name, slug, applicable_service_types)
      VALUES ('Condition', 'Condition_Type', '{SCAN}')$$,
    '23514',
    'new row for relation "taxonomies" violates check constraint "taxonomies_slug_format"',
    'a slug with capitals and underscores is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomies (name, slug, applicable_service_types)
      VALUES (' ', 'blank', '{SCAN}')$$,
    '23514',
    'new row for relation "taxonomies" violates check constraint "taxonomies_name_not_blank"',
    'a blank taxonomy name is refused'
);

-- taxonomy_terms.
SELECT lives_ok(
    $$INSERT INTO public.taxonomy_terms (id, taxonomy_id, name, slug, parent_id) VALUES
      ('25b00000-0000-4000-8000-000000000001', '15b00000-0000-4000-8000-000000000001',
       'Cardiology', 'cardiology', NULL),
      ('25b00000-0000-4000-8000-000000000002', '15b00000-0000-4000-8000-000000000001',
       'Interventional cardiology', 'interventional-cardiology',
       '25b00000-0000-4000-8000-000000000001'),
      ('25b00000-0000-4000-8000-000000000003', '15b00000-0000-4000-8000-000000000001',
       'Cardiac electrophysiology', 'electrophysiology',
       '25b00000-0000-4000-8000-000000000002'),
      ('25b00000-0000-4000-8000-000000000004', '15b00000-0000-4000-8000-000000000002',
       'Heart', 'heart', NULL),
      ('25b00000-0000-4000-8000-000000000005', '15b00000-0000-4000-8000-000000000003',
       'Cardiac risk', 'cardiac', NULL),
      ('25b00000-0000-4000-8000-000000000006', '15b00000-0000-4000-8000-000000000003',
       'High cardiac risk', 'high-cardiac', '25b00000-0000-4000-8000-000000000005')$$,
    'a three-level tree and terms of other taxonomies are accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.taxonomy_terms (taxonomy_id, name, slug)
      VALUES ('15b00000-0000-4000-8000-000000000002', 'Cardiology', 'cardiology')$$,
    'one slug may be reused in another taxonomy'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomy_terms (taxonomy_id, name, slug)
      VALUES ('15b00000-0000-4000-8000-000000000001', 'Cardiology again', 'cardiology')$$,
    '23505',
    'duplicate key value violates unique constraint "taxonomy_terms_taxonomy_id_slug_key"',
    'a slug twice within one taxonomy is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomy_terms (taxonomy_id, name, slug)
      VALUES ('15b00000-0000-4000-8000-000000000001', 'Neuro', 'Neuro logy')$$,
    '23514',
    'new row for relation "taxonomy_terms" violates check constraint '
    '"taxonomy_terms_slug_format"',
    'a malformed term slug is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomy_terms (taxonomy_id, name, slug)
      VALUES ('15b00000-0000-4000-8000-000000000001', '', 'empty')$$,
    '23514',
    'new row for relation "taxonomy_terms" violates check constraint '
    '"taxonomy_terms_name_not_blank"',
    'a blank term name is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomy_terms (taxonomy_id, name, slug, parent_id)
      VALUES ('15b00000-0000-4000-8000-000000000001', 'Cardiac imaging', 'cardiac-imaging',
              '25b00000-0000-4000-8000-000000000004')$$,
    '23503',
    'insert or update on table "taxonomy_terms" violates foreign key constraint '
    '"taxonomy_terms_parent_in_same_taxonomy"',
    'a parent from another taxonomy is refused'
);
SELECT throws_ok(
    $$UPDATE public.taxonomy_terms SET parent_id = '25b00000-0000-4000-8000-000000000003'
      WHERE id = '25b00000-0000-4000-8000-000000000001'$$,
    '23514',
    'taxonomy term "cardiology" cannot be placed under term '
    '25b00000-0000-4000-8000-000000000003: that would make a cycle',
    'placing a term under its grandchild (a cycle) is refused'
);
SELECT throws_ok(
    $$UPDATE public.taxonomy_terms SET parent_id = id
      WHERE id = '25b00000-0000-4000-8000-000000000002'$$,
    '23514',
    'taxonomy term "interventional-cardiology" cannot be placed under term '
    '25b00000-0000-4000-8000-000000000002: that would make a cycle',
    'a term as its own parent is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.taxonomy_terms (id, taxonomy_id, name, slug, parent_id)
      VALUES ('25b00000-0000-4000-8000-000000000009', '15b00000-0000-4000-8000-000000000001',
              'Loop', 'loop', '25b00000-0000-4000-8000-000000000009')$$,
    '23514',
    'taxonomy term "loop" cannot be placed under term '
    '25b00000-0000-4000-8000-000000000009: that would make a cycle',
    'a new term as its own parent is refused'
);
SELECT lives_ok(
    $$UPDATE public.taxonomy_terms SET parent_id = '25b00000-0000-4000-8000-000000000001'
      WHERE id = '25b00000-0000-4000-8000-000000000003'$$,
    'moving a term up the tree is accepted'
);
SELECT throws_ok(
    $$UPDATE public.taxonomy_terms SET taxonomy_id = '15b00000-0000-4000-8000-000000000003'
      WHERE id = '25b00000-0000-4000-8000-000000000004'$$,
    '23514',
    'taxonomy term "heart" cannot move to another taxonomy',
    'moving a term to another taxonomy is refused'
);
SELECT throws_ok(
    $$DELETE FROM public.taxonomy_terms WHERE id = '25b00000-0000-4000-8000-000000000001'$$,
    '23503',
    'update or delete on table "taxonomy_terms" violates foreign key constraint '
    '"taxonomy_terms_parent_in_same_taxonomy" on table "taxonomy_terms"',
    'deleting a term that has children is refused'
);

-- service_taxonomy_map.
SELECT lives_ok(
    $$INSERT INTO public.service_taxonomy_map (service_catalog_id, taxonomy_term_id) VALUES
      ('f5b00000-0000-4000-8000-000000000001', '25b00000-0000-4000-8000-000000000001'),
      ('f5b00000-0000-4000-8000-000000000001', '25b00000-0000-4000-8000-000000000004'),
      ('f5b00000-0000-4000-8000-000000000002', '25b00000-0000-4000-8000-000000000004'),
      ('f5b00000-0000-4000-8000-000000000001', '25b00000-0000-4000-8000-000000000006')$$,
    'terms tag items whose service type their taxonomy applies to'
);
SELECT throws_ok(
    $$INSERT INTO public.service_taxonomy_map (service_catalog_id, taxonomy_term_id)
      VALUES ('f5b00000-0000-4000-8000-000000000001', '25b00000-0000-4000-8000-000000000001')$$,
    '23505',
    'duplicate key value violates unique constraint "service_taxonomy_map_pkey"',
    'the same tag twice is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_taxonomy_map (service_catalog_id, taxonomy_term_id)
      VALUES ('f5b00000-0000-4000-8000-000000000002', '25b00000-0000-4000-8000-000000000001')$$,
    '23514',
    'taxonomy "specialty" does not apply to service type SCAN: term "cardiology" cannot tag '
    'catalogue item f5b00000-0000-4000-8000-000000000002',
    'a Specialty term tagging a scan (wrong service type) is refused'
);
SELECT throws_ok(
    $$UPDATE public.service_taxonomy_map
      SET service_catalog_id = 'f5b00000-0000-4000-8000-000000000002'
      WHERE service_catalog_id = 'f5b00000-0000-4000-8000-000000000001'
        AND taxonomy_term_id = '25b00000-0000-4000-8000-000000000001'$$,
    '23514',
    'taxonomy "specialty" does not apply to service type SCAN: term "cardiology" cannot tag '
    'catalogue item f5b00000-0000-4000-8000-000000000002',
    'moving a tag onto an item of the wrong service type is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.service_taxonomy_map (service_catalog_id, taxonomy_term_id)
      VALUES ('f5b00000-0000-4000-8000-000000000009', '25b00000-0000-4000-8000-000000000001')$$,
    '23503',
    'insert or update on table "service_taxonomy_map" violates foreign key constraint '
    '"service_taxonomy_map_service_catalog_id_fkey"',
    'a tag of a missing catalogue item is refused'
);
SELECT throws_ok(
    $$UPDATE public.taxonomies SET applicable_service_types = '{SCAN}'
      WHERE slug = 'body-system'$$,
    '23514',
    'taxonomy "body-system" cannot stop applying to service type LAB_TEST: its term "heart" '
    'still tags such catalogue items',
    'dropping a service type that tags still use is refused'
);
SELECT lives_ok(
    $$UPDATE public.taxonomies SET applicable_service_types = '{LAB_TEST,DOCTOR_CONSULT,SCAN}'
      WHERE slug = 'specialty'$$,
    'adding a service type to a taxonomy is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.service_taxonomy_map (service_catalog_id, taxonomy_term_id)
      VALUES ('f5b00000-0000-4000-8000-000000000002', '25b00000-0000-4000-8000-000000000001')$$,
    'after that, the Specialty term may tag the scan'
);
SELECT lives_ok(
    $$UPDATE public.taxonomies SET applicable_service_types = '{LAB_TEST,SCAN}'
      WHERE slug = 'specialty'$$,
    'dropping a service type no tag uses is accepted'
);
SELECT lives_ok(
    $$DELETE FROM public.taxonomies WHERE slug = 'risk'$$,
    'deleting a whole taxonomy deletes its term tree and tags'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.service_taxonomy_map
        WHERE taxonomy_term_id = '25b00000-0000-4000-8000-000000000006'
    ),
    0,
    'the deleted taxonomy''s tags are gone'
);
SELECT lives_ok(
    $$DELETE FROM public.service_catalog WHERE id = 'f5b00000-0000-4000-8000-000000000002'$$,
    'deleting a catalogue item is accepted'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.service_taxonomy_map
        WHERE service_catalog_id = 'f5b00000-0000-4000-8000-000000000002'
    ),
    0,
    'a deleted catalogue item''s tags go with it'
);

SELECT * FROM finish();
ROLLBACK;
