-- Verify onemedi:taxonomy_terms on pg

BEGIN;

SELECT
    id,
    taxonomy_id,
    name,
    slug,
    parent_id,
    created_at,
    updated_at
FROM public.taxonomy_terms
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgname = 'taxonomy_terms_check_tree'
    AND tgrelid = 'public.taxonomy_terms'::regclass;

ROLLBACK;
