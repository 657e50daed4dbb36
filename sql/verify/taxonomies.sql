-- Verify onemedi:taxonomies on pg

BEGIN;

SELECT
    id,
    name,
    slug,
    applicable_service_types,
    description,
    created_at,
    updated_at
FROM public.taxonomies
WHERE FALSE;

ROLLBACK;
