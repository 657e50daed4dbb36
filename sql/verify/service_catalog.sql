-- Verify onemedi:service_catalog on pg

BEGIN;

SELECT
    id,
    service_type,
    ref_table,
    ref_id,
    is_active,
    created_at,
    updated_at
FROM public.service_catalog
WHERE FALSE;

SELECT 1 / count(*) FROM pg_catalog.pg_trigger
WHERE tgname = 'service_catalog_check_ref';

SELECT 1 / (count(*) = 5)::integer FROM pg_catalog.pg_trigger
WHERE tgname LIKE '%\_refuse\_delete\_while\_listed';

ROLLBACK;
