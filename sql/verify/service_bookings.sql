-- Verify onemedi:service_bookings on pg

BEGIN;

SELECT
    id,
    order_item_id,
    patient_id,
    family_member_id,
    slot_id,
    fulfillment_status,
    clinical_notes,
    created_at,
    updated_at
FROM public.service_bookings
WHERE FALSE;

ROLLBACK;
