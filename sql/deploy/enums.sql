-- Deploy onemedi:enums to pg
-- The four enums of design section 6, exactly (names, labels and label order).

BEGIN;

CREATE TYPE public.service_type AS ENUM (
    'MEDICINE', 'LAB_TEST', 'SCAN', 'DOCTOR_CONSULT', 'HOME_SERVICE', 'INSURANCE', 'CONTENT'
);
COMMENT ON TYPE public.service_type IS
'What a service_catalog entry sells; decides which master table its ref_id points into.';

CREATE TYPE public.vendor_type AS ENUM (
    'PHARMACY',
    'DIAGNOSTIC_LAB',
    'SCAN_CENTER',
    'HOSPITAL',
    'PHYSIO_AGENCY',
    'AMBULANCE_PROVIDER',
    'CONTENT_PARTNER'
);
COMMENT ON TYPE public.vendor_type IS 'The kind of business a vendor is.';

CREATE TYPE public.order_status AS ENUM (
    'PENDING', 'CONFIRMED', 'PROCESSING', 'OUT_FOR_DELIVERY', 'COMPLETED', 'CANCELLED'
);
COMMENT ON TYPE public.order_status IS 'Where an order is in its fulfilment life cycle.';

CREATE TYPE public.payment_status AS ENUM ('AWAITING', 'PAID', 'FAILED', 'REFUNDED');
COMMENT ON TYPE public.payment_status IS 'Where the payment of an order stands.';

COMMIT;
