-- Verify onemedi:feature_flags on pg

BEGIN;

SELECT
    id,
    feature_key,
    city_id,
    enabled,
    description,
    created_at,
    updated_at
FROM public.feature_flags
WHERE FALSE;

SELECT 1 / has_function_privilege('anon', 'public.feature_enabled(text, uuid)', 'execute')::integer;

SELECT 1 / count(*)
FROM pg_catalog.pg_constraint
WHERE
    conname = 'feature_flags_feature_key_city_id_key'
    AND conrelid = 'public.feature_flags'::regclass;

ROLLBACK;
