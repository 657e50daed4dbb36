-- Verify onemedi:medicine_master on pg

BEGIN;

SELECT
    id,
    version,
    parent_id,
    parent_version,
    name,
    generic_name,
    hsn_code,
    prescription_required,
    drug_schedule,
    manufacturer,
    dosage_form,
    strength,
    pack_size,
    created_at,
    updated_at
FROM public.medicine_master
WHERE FALSE;

SELECT 1 / count(*) FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' AND indexname = 'medicine_master_search_fts';

SELECT 1 / count(*) FROM pg_catalog.pg_trigger
WHERE tgname = 'medicine_master_refuse_superseded_edit';

ROLLBACK;
