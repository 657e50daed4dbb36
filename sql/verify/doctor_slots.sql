-- Verify onemedi:doctor_slots on pg

BEGIN;

SELECT
    id,
    service_catalog_id,
    doctor_id,
    vendor_id,
    branch_id,
    start_time,
    end_time,
    capacity,
    booked_count,
    version,
    created_at,
    updated_at
FROM public.doctor_slots
WHERE FALSE;

ROLLBACK;
