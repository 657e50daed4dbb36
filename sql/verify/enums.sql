-- Verify onemedi:enums on pg

BEGIN;

SELECT
    'MEDICINE'::public.service_type,
    'PHARMACY'::public.vendor_type,
    'PENDING'::public.order_status,
    'AWAITING'::public.payment_status;

SELECT 1 / (count(*) = 7)::int
FROM pg_catalog.pg_enum WHERE enumtypid = 'public.service_type'::regtype;
SELECT 1 / (count(*) = 7)::int
FROM pg_catalog.pg_enum WHERE enumtypid = 'public.vendor_type'::regtype;
SELECT 1 / (count(*) = 6)::int
FROM pg_catalog.pg_enum WHERE enumtypid = 'public.order_status'::regtype;
SELECT 1 / (count(*) = 4)::int
FROM pg_catalog.pg_enum WHERE enumtypid = 'public.payment_status'::regtype;

ROLLBACK;
