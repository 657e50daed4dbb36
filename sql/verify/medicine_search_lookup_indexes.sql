-- Verify onemedi:medicine_search_lookup_indexes on pg

BEGIN;

SELECT 1 / (count(*) = 2)::integer
FROM pg_catalog.pg_index AS i
WHERE
    i.indexrelid IN (
        'public.medicine_master_lower_brand'::regclass,
        'public.medicine_master_lower_generic_name'::regclass
    )
    AND i.indisvalid;

ROLLBACK;
