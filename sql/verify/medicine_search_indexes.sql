-- Verify onemedi:medicine_search_indexes on pg

BEGIN;

SELECT 1 / (count(*) = 3)::integer
FROM pg_catalog.pg_index
WHERE
    indisvalid
    AND indexrelid IN (
        'public.medicine_master_name_trgm_gist'::regclass,
        'public.medicine_master_generic_name_trgm_gist'::regclass,
        'public.medicine_master_lower_name_prefix'::regclass
    );

ROLLBACK;
