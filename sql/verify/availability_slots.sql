-- Verify onemedi:availability_slots on pg

BEGIN;

SELECT
    id,
    service_catalog_id,
    vendor_id,
    branch_id,
    start_time,
    end_time,
    capacity,
    booked_count,
    version,
    created_at,
    updated_at
FROM public.availability_slots
WHERE FALSE;

SELECT 1 / count(*) FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' AND indexname = 'availability_slots_open_start_time_idx';

ROLLBACK;
