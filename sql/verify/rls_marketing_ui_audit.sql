-- Verify onemedi:rls_marketing_ui_audit on pg

BEGIN;

SELECT 1 / (count(*) = 5)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'marketing_assets'
    AND policyname IN (
        'anyone anonymous reads active marketing assets',
        'users read active marketing assets, admins read all',
        'admins add marketing assets',
        'admins change marketing assets',
        'admins remove marketing assets'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'feature_flags'
    AND policyname IN (
        'anyone reads feature flags',
        'admins add feature flags',
        'admins change feature flags',
        'admins remove feature flags'
    );
SELECT 1 / (count(*) = 5)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'content_master'
    AND policyname IN (
        'anyone anonymous reads published content',
        'users read published content, authors and admins all',
        'admins add content',
        'admins change content',
        'admins remove content'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'taxonomies'
    AND policyname IN (
        'anyone reads taxonomies',
        'admins add taxonomies',
        'admins change taxonomies',
        'admins remove taxonomies'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'taxonomy_terms'
    AND policyname IN (
        'anyone reads taxonomy terms',
        'admins add taxonomy terms',
        'admins change taxonomy terms',
        'admins remove taxonomy terms'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'service_taxonomy_map'
    AND policyname IN (
        'anyone reads service tags',
        'admins add service tags',
        'admins change service tags',
        'admins remove service tags'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'ui_menu_items'
    AND policyname IN (
        'anyone reads menu items',
        'admins add menu items',
        'admins change menu items',
        'admins remove menu items'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'ui_carousel_items'
    AND policyname IN (
        'anyone reads carousel items',
        'admins add carousel items',
        'admins change carousel items',
        'admins remove carousel items'
    );
SELECT 1 / (count(*) = 5)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'ui_menus'
    AND policyname IN (
        'anyone anonymous reads active menus',
        'users read active menus, admins read all',
        'admins add menus',
        'admins change menus',
        'admins remove menus'
    );
SELECT 1 / (count(*) = 5)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'ui_carousels'
    AND policyname IN (
        'anyone anonymous reads active carousels',
        'users read active carousels, admins read all',
        'admins add carousels',
        'admins change carousels',
        'admins remove carousels'
    );
SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'audit_logs'
    AND policyname IN (
        'admins read the audit log'
    );

ROLLBACK;
