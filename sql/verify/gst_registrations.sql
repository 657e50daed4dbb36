-- Verify onemedi:gst_registrations on pg

BEGIN;

SELECT
    id,
    vendor_id,
    gstin,
    registration_type,
    state_code,
    valid_from,
    valid_to,
    created_at,
    updated_at
FROM public.gst_registrations
WHERE FALSE;

SELECT
    1 / (
        private.is_valid_gst_registration('27AAPFU0939F1ZV', 'REGULAR')
        AND NOT private.is_valid_gst_registration('27AAPFU0939F1ZV', 'TCS')
    )::integer;

ROLLBACK;
