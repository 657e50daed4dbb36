-- Group H, marketing and config: marketing_assets, feature_flags with feature_enabled(),
-- content_master. (coupons are tested with orders.)
BEGIN;
SELECT plan(57);

-- Fixtures: an author, two cities, a lab test to list.
INSERT INTO auth.users (id, email) VALUES
('a5b00000-0000-4000-8000-000000000001', 'author@onemedi.example');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    'a5b00000-0000-4000-8000-000000000001'::uuid AS id,
    'Dr Author' AS full_name,
    r.id AS role_id
FROM public.roles AS r WHERE r.name = 'STAFF';
INSERT INTO public.cities (id, state_code, name) VALUES
('c5b00000-0000-4000-8000-000000000001', '36', 'Hyderabad'),
('c5b00000-0000-4000-8000-000000000002', '29', 'Bengaluru');

-- marketing_assets: structure.
SELECT has_table('public', 'marketing_assets', 'table marketing_assets exists');
SELECT col_is_pk('public', 'marketing_assets', 'id', 'marketing_assets.id is the primary key');
SELECT enum_has_labels(
    'public', 'marketing_asset_type', ARRAY['BANNER', 'CAROUSEL'],
    'marketing_asset_type is BANNER, CAROUSEL'
);
SELECT col_type_is(
    'public', 'marketing_assets', 'type', 'marketing_asset_type',
    'marketing_assets.type is marketing_asset_type'
);
SELECT col_not_null('public', 'marketing_assets', 'type', 'marketing_assets.type is NOT NULL');
SELECT col_not_null(
    'public', 'marketing_assets', 'image_url', 'marketing_assets.image_url is NOT NULL'
);
SELECT col_is_null('public', 'marketing_assets', 'city_id', 'NULL city = everywhere');
SELECT fk_ok('public', 'marketing_assets', 'city_id', 'public', 'cities', 'id');
SELECT has_index(
    'public', 'marketing_assets', 'marketing_assets_city_id_idx', ARRAY['city_id']
);
SELECT trigger_is(
    'public', 'marketing_assets', 'marketing_assets_set_updated_at', 'private', 'set_updated_at'
);
SELECT is(
    (
        SELECT relrowsecurity FROM pg_catalog.pg_class
        WHERE oid = 'public.marketing_assets'::regclass
    ),
    TRUE,
    'marketing_assets has RLS enabled'
);
SELECT table_privs_are('public', 'marketing_assets', 'anon', ARRAY['SELECT']);

-- marketing_assets: behaviour.
SELECT lives_ok(
    $$INSERT INTO public.marketing_assets (type, image_url, link_url, active_from, active_until)
      VALUES ('BANNER', 'https://cdn.onemedi.in/b/diwali.webp', 'https://onemedi.in/offers',
              '2026-11-01', '2026-11-30')$$,
    'a global banner with an https link and a window is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.marketing_assets (type, image_url, link_url, city_id, sort_order)
      VALUES ('CAROUSEL', 'https://cdn.onemedi.in/c/labs.webp', '/lab-tests',
              'c5b00000-0000-4000-8000-000000000001', 2)$$,
    'a city carousel slide with an in-app route is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.marketing_assets (type, image_url)
      VALUES ('BANNER', 'http://cdn.onemedi.in/b/x.webp')$$,
    '23514',
    'new row for relation "marketing_assets" violates check constraint '
    '"marketing_assets_image_url_is_https"',
    'an http image is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.marketing_assets (type, image_url, link_url)
      VALUES ('BANNER', 'https://cdn.onemedi.in/b/x.webp', 'javascript:alert(1)')$$,
    '23514',
    'new row for relation "marketing_assets" violates check constraint '
    '"marketing_assets_link_url_is_https_or_app_route"',
    'a link that is neither https nor an app route is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.marketing_assets (type, image_url, active_from, active_until)
      VALUES ('BANNER', 'https://cdn.onemedi.in/b/x.webp', '2026-12-01', '2026-11-01')$$,
    '23514',
    'new row for relation "marketing_assets" violates check constraint '
    '"marketing_assets_active_window_ordered"',
    'a window ending before it starts is refused'
);

-- feature_flags: structure.
SELECT has_table('public', 'feature_flags', 'table feature_flags exists');
SELECT col_not_null('public', 'feature_flags', 'feature_key', 'feature_key is NOT NULL');
SELECT col_not_null('public', 'feature_flags', 'enabled', 'enabled is NOT NULL');
SELECT col_default_is('public', 'feature_flags', 'enabled', FALSE, 'a new flag starts off');
SELECT fk_ok('public', 'feature_flags', 'city_id', 'public', 'cities', 'id');
SELECT has_index('public', 'feature_flags', 'feature_flags_city_id_idx', ARRAY['city_id']);
SELECT is(
    (
        SELECT pg_catalog.pg_get_constraintdef(oid)
        FROM pg_catalog.pg_constraint
        WHERE conname = 'feature_flags_feature_key_city_id_key'
    ),
    'UNIQUE NULLS NOT DISTINCT (feature_key, city_id)',
    'one row per key and city, NULL city included'
);
SELECT table_privs_are('public', 'feature_flags', 'anon', ARRAY['SELECT']);
SELECT has_function(
    'public', 'feature_enabled', ARRAY['text', 'uuid'], 'feature_enabled(text, uuid) exists'
);
SELECT function_returns('public', 'feature_enabled', ARRAY['text', 'uuid'], 'boolean');
SELECT volatility_is('public', 'feature_enabled', ARRAY['text', 'uuid'], 'stable');
SELECT is(
    (
        SELECT p.proconfig
        FROM pg_catalog.pg_proc AS p
        WHERE p.oid = 'public.feature_enabled(text, uuid)'::regprocedure
    ),
    ARRAY['search_path=""'],
    'feature_enabled runs with an empty search_path'
);
SELECT ok(
    has_function_privilege('anon', 'public.feature_enabled(text, uuid)', 'execute'),
    'anon may call feature_enabled'
);

-- feature_flags: behaviour.
SELECT lives_ok(
    $$INSERT INTO public.feature_flags (feature_key, city_id, enabled) VALUES
      ('lab_tests.home_collection', NULL, FALSE),
      ('lab_tests.home_collection', 'c5b00000-0000-4000-8000-000000000001', TRUE),
      ('ambulance', NULL, TRUE),
      ('ambulance', 'c5b00000-0000-4000-8000-000000000002', FALSE),
      ('video_consult', 'c5b00000-0000-4000-8000-000000000001', TRUE)$$,
    'a global default and per-city rows are accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.feature_flags (feature_key, city_id, enabled)
      VALUES ('lab_tests.home_collection', NULL, TRUE)$$,
    '23505',
    'duplicate key value violates unique constraint "feature_flags_feature_key_city_id_key"',
    'a second global default for a key is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.feature_flags (feature_key, city_id, enabled)
      VALUES ('lab_tests.home_collection', 'c5b00000-0000-4000-8000-000000000001', FALSE)$$,
    '23505',
    'duplicate key value violates unique constraint "feature_flags_feature_key_city_id_key"',
    'a second row for one key and city is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.feature_flags (feature_key, enabled) VALUES ('Lab Tests', TRUE)$$,
    '23514',
    'new row for relation "feature_flags" violates check constraint '
    '"feature_flags_feature_key_format"',
    'a key that is not lower snake case is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.feature_flags (feature_key, enabled) VALUES ('lab_tests.', TRUE)$$,
    '23514',
    'new row for relation "feature_flags" violates check constraint '
    '"feature_flags_feature_key_format"',
    'a key ending in a dot is refused'
);
SELECT is(
    public.feature_enabled('lab_tests.home_collection', 'c5b00000-0000-4000-8000-000000000001'),
    TRUE,
    'the city row (on) wins over the default (off)'
);
SELECT is(
    public.feature_enabled('lab_tests.home_collection', 'c5b00000-0000-4000-8000-000000000002'),
    FALSE,
    'a city without its own row gets the default (off)'
);
SELECT is(
    public.feature_enabled('ambulance', 'c5b00000-0000-4000-8000-000000000002'),
    FALSE,
    'the city row (off) wins over the default (on)'
);
SELECT is(
    public.feature_enabled('ambulance', 'c5b00000-0000-4000-8000-000000000001'),
    TRUE,
    'a city without its own row gets the default (on)'
);
SELECT is(
    public.feature_enabled('ambulance', NULL),
    TRUE,
    'a NULL city reads the default'
);
SELECT is(
    public.feature_enabled('video_consult', 'c5b00000-0000-4000-8000-000000000002'),
    FALSE,
    'a key with neither a city row nor a default is off'
);
SELECT is(
    public.feature_enabled('no.such_feature', 'c5b00000-0000-4000-8000-000000000001'),
    FALSE,
    'an unknown key is off'
);

-- content_master: structure.
SELECT has_table('public', 'content_master', 'table content_master exists');
SELECT enum_has_labels(
    'public', 'content_type', ARRAY['ARTICLE', 'VIDEO'], 'content_type is ARTICLE, VIDEO'
);
SELECT col_type_is(
    'public', 'content_master', 'type', 'content_type', 'content_master.type is content_type'
);
SELECT col_not_null('public', 'content_master', 'content_url', 'content_url is NOT NULL');
SELECT fk_ok('public', 'content_master', 'author_id', 'public', 'profiles', 'id');
SELECT has_index(
    'public', 'content_master', 'content_master_author_id_idx', ARRAY['author_id']
);
SELECT table_privs_are('public', 'content_master', 'anon', ARRAY['SELECT']);
SELECT trigger_is(
    'public', 'content_master', 'content_master_refuse_delete_while_in_catalog',
    'private', 'service_catalog_guard_master'
);

-- content_master: behaviour.
SELECT lives_ok(
    $$INSERT INTO public.content_master (id, title, type, content_url, author_id, published_at)
      VALUES ('d5b00000-0000-4000-8000-000000000001', 'Know your HbA1c', 'ARTICLE',
              'https://onemedi.in/blog/hba1c', 'a5b00000-0000-4000-8000-000000000001',
              now())$$,
    'an article by a profile is accepted'
);
SELECT lives_ok(
    $$INSERT INTO public.content_master (title, type, content_url)
      VALUES ('Yoga for back pain', 'VIDEO', 'https://videos.onemedi.in/yoga-back')$$,
    'an in-house video without author is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.content_master (title, type, content_url)
      VALUES ('Insecure', 'VIDEO', 'http://videos.onemedi.in/x')$$,
    '23514',
    'new row for relation "content_master" violates check constraint '
    '"content_master_content_url_is_https"',
    'an http content URL is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.content_master (title, type, content_url)
      VALUES ('  ', 'ARTICLE', 'https://onemedi.in/blog/x')$$,
    '23514',
    'new row for relation "content_master" violates check constraint '
    '"content_master_title_not_blank"',
    'a blank title is refused'
);
SELECT lives_ok(
    $$INSERT INTO public.service_catalog (service_type, ref_table, ref_id)
      VALUES ('CONTENT', 'content_master', 'd5b00000-0000-4000-8000-000000000001')$$,
    'an article can be listed in the catalogue as CONTENT'
);
SELECT throws_like(
    $$DELETE FROM public.content_master WHERE id = 'd5b00000-0000-4000-8000-000000000001'$$,
    '%is listed in service_catalog%',
    'a listed article cannot be deleted'
);
DELETE FROM auth.users WHERE id = 'a5b00000-0000-4000-8000-000000000001';
SELECT is(
    (
        SELECT author_id FROM public.content_master
        WHERE id = 'd5b00000-0000-4000-8000-000000000001'
    ),
    NULL,
    'deleting the author keeps the article, without author'
);

SELECT * FROM finish();
ROLLBACK;
