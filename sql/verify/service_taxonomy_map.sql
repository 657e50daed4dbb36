-- Verify onemedi:service_taxonomy_map on pg

BEGIN;

SELECT
    service_catalog_id,
    taxonomy_term_id,
    created_at,
    updated_at
FROM public.service_taxonomy_map
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgname = 'service_taxonomy_map_check_fit'
    AND tgrelid = 'public.service_taxonomy_map'::regclass;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgname = 'taxonomies_check_tagged_types'
    AND tgrelid = 'public.taxonomies'::regclass;

ROLLBACK;
