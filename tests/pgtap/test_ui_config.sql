-- Group I, UI configuration: ui_menus and ui_menu_items (nested, exactly one target each),
-- ui_carousels and ui_carousel_items.
BEGIN;
SELECT plan(57);

-- Fixtures: a city, a lab test listed in the catalogue, a taxonomy term.
INSERT INTO public.cities (id, state_code, name) VALUES
('c5b00000-0000-4000-8000-000000000001', '36', 'Hyderabad');
INSERT INTO public.lab_tests (id, name, code, sample_type) VALUES
('e5b00000-0000-4000-8000-000000000001', 'Lipid profile', 'H5B-LIPID', 'BLOOD');
INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES
(
    'f5b00000-0000-4000-8000-000000000001', 'LAB_TEST', 'lab_tests',
    'e5b00000-0000-4000-8000-000000000001'
);
INSERT INTO public.taxonomies (id, name, slug, applicable_service_types) VALUES
('15b00000-0000-4000-8000-000000000001', 'Specialty', 'specialty', '{LAB_TEST}');
INSERT INTO public.taxonomy_terms (id, taxonomy_id, name, slug) VALUES
(
    '25b00000-0000-4000-8000-000000000001', '15b00000-0000-4000-8000-000000000001',
    'Cardiology', 'cardiology'
);

-- Structure: menus.
SELECT has_table('public', 'ui_menus', 'table ui_menus exists');
SELECT enum_has_labels(
    'public', 'ui_menu_type', ARRAY['DESKTOP', 'MOBILE', 'FLOATING'],
    'ui_menu_type is DESKTOP, MOBILE, FLOATING'
);
SELECT col_type_is('public', 'ui_menus', 'menu_type', 'ui_menu_type', 'menu_type is the enum');
SELECT col_not_null('public', 'ui_menus', 'menu_type', 'menu_type is NOT NULL');
SELECT col_not_null('public', 'ui_menus', 'title', 'ui_menus.title is NOT NULL');
SELECT col_not_null('public', 'ui_menus', 'is_active', 'ui_menus.is_active is NOT NULL');
SELECT fk_ok('public', 'ui_menus', 'city_id', 'public', 'cities', 'id');
SELECT has_index('public', 'ui_menus', 'ui_menus_city_id_idx', ARRAY['city_id']);
SELECT has_table('public', 'ui_menu_items', 'table ui_menu_items exists');
SELECT fk_ok('public', 'ui_menu_items', 'menu_id', 'public', 'ui_menus', 'id');
SELECT fk_ok(
    'public', 'ui_menu_items', ARRAY['menu_id', 'parent_item_id'],
    'public', 'ui_menu_items', ARRAY['menu_id', 'id']
);
SELECT fk_ok(
    'public', 'ui_menu_items', 'service_catalog_id', 'public', 'service_catalog', 'id'
);
SELECT fk_ok('public', 'ui_menu_items', 'taxonomy_term_id', 'public', 'taxonomy_terms', 'id');
SELECT has_index(
    'public', 'ui_menu_items', 'ui_menu_items_menu_id_parent_item_id_idx',
    ARRAY['menu_id', 'parent_item_id']
);
SELECT has_index(
    'public', 'ui_menu_items', 'ui_menu_items_service_catalog_id_idx', ARRAY['service_catalog_id']
);
SELECT has_index(
    'public', 'ui_menu_items', 'ui_menu_items_taxonomy_term_id_idx', ARRAY['taxonomy_term_id']
);
SELECT trigger_is(
    'public', 'ui_menu_items', 'ui_menu_items_check_tree', 'private', 'ui_menu_items_check_tree'
);

-- Structure: carousels.
SELECT has_table('public', 'ui_carousels', 'table ui_carousels exists');
SELECT enum_has_labels(
    'public', 'ui_carousel_position', ARRAY['HOME_TOP', 'SERVICE_PAGE', 'FOOTER'],
    'ui_carousel_position is HOME_TOP, SERVICE_PAGE, FOOTER'
);
SELECT col_type_is(
    'public', 'ui_carousels', 'position', 'ui_carousel_position', 'position is the enum'
);
SELECT col_not_null('public', 'ui_carousels', 'position', 'position is NOT NULL');
SELECT fk_ok('public', 'ui_carousels', 'city_id', 'public', 'cities', 'id');
SELECT has_index('public', 'ui_carousels', 'ui_carousels_city_id_idx', ARRAY['city_id']);
SELECT has_table('public', 'ui_carousel_items', 'table ui_carousel_items exists');
SELECT fk_ok('public', 'ui_carousel_items', 'carousel_id', 'public', 'ui_carousels', 'id');
SELECT fk_ok(
    'public', 'ui_carousel_items', 'service_catalog_id', 'public', 'service_catalog', 'id'
);
SELECT has_index(
    'public', 'ui_carousel_items', 'ui_carousel_items_carousel_id_idx', ARRAY['carousel_id']
);
SELECT has_index(
    'public', 'ui_carousel_items', 'ui_carousel_items_service_catalog_id_idx',
    ARRAY['service_catalog_id']
);
SELECT col_not_null('public', 'ui_carousel_items', 'image_url', 'image_url is NOT NULL');
SELECT is(
    (
        SELECT bool_and(c.relrowsecurity)
        FROM pg_catalog.pg_class AS c
        WHERE c.oid IN (
            'public.ui_menus'::regclass,
            'public.ui_menu_items'::regclass,
            'public.ui_carousels'::regclass,
            'public.ui_carousel_items'::regclass
        )
    ),
    TRUE,
    'the four UI tables have RLS enabled'
);
SELECT table_privs_are('public', 'ui_menu_items', 'anon', ARRAY['SELECT']);
SELECT table_privs_are('public', 'ui_carousel_items', 'anon', ARRAY['SELECT']);

-- ui_menus.
SELECT lives_ok(
    $$INSERT INTO public.ui_menus (id, menu_type, title, icon, route, city_id) VALUES
      ('35b00000-0000-4000-8000-000000000001', 'MOBILE', 'Lab tests', 'flask', '/lab-tests',
       NULL),
      ('35b00000-0000-4000-8000-000000000002', 'DESKTOP', 'Hyderabad offers', NULL, NULL,
       'c5b00000-0000-4000-8000-000000000001')$$,
    'a global mobile menu and a city desktop menu are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_menus (menu_type, title, route)
      VALUES ('FLOATING', 'Help', 'help')$$,
    '23514',
    'new row for relation "ui_menus" violates check constraint "ui_menus_route_is_app_path"',
    'a route not starting with / is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_menus (menu_type, title) VALUES ('FLOATING', ' ')$$,
    '23514',
    'new row for relation "ui_menus" violates check constraint "ui_menus_title_not_blank"',
    'a blank menu title is refused'
);

-- ui_menu_items: exactly one target.
SELECT lives_ok(
    $$INSERT INTO public.ui_menu_items
      (id, menu_id, parent_item_id, label, service_catalog_id, taxonomy_term_id, external_link,
       sort_order) VALUES
      ('45b00000-0000-4000-8000-000000000001', '35b00000-0000-4000-8000-000000000001', NULL,
       'Heart care', NULL, '25b00000-0000-4000-8000-000000000001', NULL, 1),
      ('45b00000-0000-4000-8000-000000000002', '35b00000-0000-4000-8000-000000000001',
       '45b00000-0000-4000-8000-000000000001', NULL, 'f5b00000-0000-4000-8000-000000000001',
       NULL, NULL, 1),
      ('45b00000-0000-4000-8000-000000000003', '35b00000-0000-4000-8000-000000000001',
       '45b00000-0000-4000-8000-000000000002', 'Guidelines', NULL, NULL,
       'https://www.who.int/health-topics/cardiovascular-diseases', 2),
      ('45b00000-0000-4000-8000-000000000004', '35b00000-0000-4000-8000-000000000002', NULL,
       'Partner site', NULL, NULL, 'https://partner.example.in/offers', 1)$$,
    'items with one target each, nested three deep, are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_menu_items (menu_id, service_catalog_id, taxonomy_term_id)
      VALUES ('35b00000-0000-4000-8000-000000000001', 'f5b00000-0000-4000-8000-000000000001',
              '25b00000-0000-4000-8000-000000000001')$$,
    '23514',
    'new row for relation "ui_menu_items" violates check constraint '
    '"ui_menu_items_exactly_one_target"',
    'an item with two targets is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_menu_items (menu_id, service_catalog_id, external_link)
      VALUES ('35b00000-0000-4000-8000-000000000001', 'f5b00000-0000-4000-8000-000000000001',
              'https://example.in')$$,
    '23514',
    'new row for relation "ui_menu_items" violates check constraint '
    '"ui_menu_items_exactly_one_target"',
    'an item with a catalogue item and a link is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_menu_items (menu_id, label)
      VALUES ('35b00000-0000-4000-8000-000000000001', 'Nowhere')$$,
    '23514',
    'new row for relation "ui_menu_items" violates check constraint '
    '"ui_menu_items_exactly_one_target"',
    'an item with no target is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_menu_items (menu_id, label, external_link)
      VALUES ('35b00000-0000-4000-8000-000000000001', 'Old site', 'http://example.in')$$,
    '23514',
    'new row for relation "ui_menu_items" violates check constraint '
    '"ui_menu_items_external_link_is_https"',
    'an http external link is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_menu_items (menu_id, label, external_link)
      VALUES ('35b00000-0000-4000-8000-000000000001', '', 'https://example.in')$$,
    '23514',
    'new row for relation "ui_menu_items" violates check constraint '
    '"ui_menu_items_label_not_blank"',
    'a blank label is refused'
);

-- ui_menu_items: nesting.
SELECT throws_ok(
    $$INSERT INTO public.ui_menu_items (menu_id, parent_item_id, label, external_link)
      VALUES ('35b00000-0000-4000-8000-000000000002', '45b00000-0000-4000-8000-000000000001',
              'Stray', 'https://example.in')$$,
    '23503',
    'insert or update on table "ui_menu_items" violates foreign key constraint '
    '"ui_menu_items_parent_in_same_menu"',
    'a parent item from another menu is refused'
);
SELECT throws_ok(
    $$UPDATE public.ui_menu_items SET parent_item_id = '45b00000-0000-4000-8000-000000000003'
      WHERE id = '45b00000-0000-4000-8000-000000000001'$$,
    '23514',
    'menu item 45b00000-0000-4000-8000-000000000001 cannot be placed under item '
    '45b00000-0000-4000-8000-000000000003: that would make a cycle',
    'placing an item under its own sub-item is refused'
);
SELECT throws_ok(
    $$DELETE FROM public.taxonomy_terms WHERE id = '25b00000-0000-4000-8000-000000000001'$$,
    '23503',
    'update or delete on table "taxonomy_terms" violates foreign key constraint '
    '"ui_menu_items_taxonomy_term_id_fkey" on table "ui_menu_items"',
    'a term a menu points at cannot be deleted'
);
SELECT results_eq(
    $$SELECT label FROM public.ui_menu_items
      WHERE menu_id = '35b00000-0000-4000-8000-000000000001' AND parent_item_id IS NULL
      ORDER BY sort_order$$,
    $$VALUES ('Heart care')$$,
    'the mobile menu has one top-level entry'
);
SELECT lives_ok(
    $$DELETE FROM public.ui_menu_items WHERE id = '45b00000-0000-4000-8000-000000000001'$$,
    'deleting a top-level entry is accepted'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.ui_menu_items
        WHERE menu_id = '35b00000-0000-4000-8000-000000000001'
    ),
    0,
    'its sub-entries, at every depth, went with it'
);
SELECT lives_ok(
    $$DELETE FROM public.ui_menus WHERE id = '35b00000-0000-4000-8000-000000000002'$$,
    'deleting a menu is accepted'
);
SELECT is(
    (SELECT count(*)::integer FROM public.ui_menu_items),
    0,
    'its items went with it'
);

-- ui_carousels and their items.
SELECT lives_ok(
    $$INSERT INTO public.ui_carousels (id, title, position, city_id) VALUES
      ('55b00000-0000-4000-8000-000000000001', 'Top picks', 'HOME_TOP', NULL),
      ('55b00000-0000-4000-8000-000000000002', 'Hyderabad labs', 'SERVICE_PAGE',
       'c5b00000-0000-4000-8000-000000000001')$$,
    'a global and a city carousel are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_carousels (title, position) VALUES ('', 'FOOTER')$$,
    '23514',
    'new row for relation "ui_carousels" violates check constraint '
    '"ui_carousels_title_not_blank"',
    'a blank carousel title is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.ui_carousel_items (carousel_id, service_catalog_id, image_url, sort_order)
      VALUES
      ('55b00000-0000-4000-8000-000000000001', 'f5b00000-0000-4000-8000-000000000001',
       'https://cdn.onemedi.in/c/lipid.webp', 2),
      ('55b00000-0000-4000-8000-000000000001', NULL, 'https://cdn.onemedi.in/c/welcome.webp', 1),
      ('55b00000-0000-4000-8000-000000000002', 'f5b00000-0000-4000-8000-000000000001',
       'https://cdn.onemedi.in/c/lipid-hyd.webp', 1)$$,
    'slides with and without a catalogue item are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_carousel_items (carousel_id, image_url)
      VALUES ('55b00000-0000-4000-8000-000000000001', 'http://cdn.onemedi.in/c/x.webp')$$,
    '23514',
    'new row for relation "ui_carousel_items" violates check constraint '
    '"ui_carousel_items_image_url_is_https"',
    'an http slide image is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.ui_carousel_items (carousel_id, image_url)
      VALUES ('55b00000-0000-4000-8000-000000000009', 'https://cdn.onemedi.in/c/x.webp')$$,
    '23503',
    'insert or update on table "ui_carousel_items" violates foreign key constraint '
    '"ui_carousel_items_carousel_id_fkey"',
    'a slide of a missing carousel is refused'
);
SELECT results_eq(
    $$SELECT i.image_url FROM public.ui_carousels AS c
      INNER JOIN public.ui_carousel_items AS i ON i.carousel_id = c.id
      WHERE c.position = 'HOME_TOP' AND c.is_active
      ORDER BY i.sort_order$$,
    $$VALUES ('https://cdn.onemedi.in/c/welcome.webp'), ('https://cdn.onemedi.in/c/lipid.webp')$$,
    'the home carousel shows its slides in sort order'
);
SELECT lives_ok(
    $$DELETE FROM public.ui_carousels WHERE id = '55b00000-0000-4000-8000-000000000002'$$,
    'deleting a carousel is accepted'
);
SELECT is(
    (
        SELECT count(*)::integer FROM public.ui_carousel_items
        WHERE carousel_id = '55b00000-0000-4000-8000-000000000002'
    ),
    0,
    'its slides went with it'
);

SELECT * FROM finish();
ROLLBACK;
