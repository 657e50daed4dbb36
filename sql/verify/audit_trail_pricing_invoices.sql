-- Verify onemedi:audit_trail_pricing_invoices on pg

BEGIN;

-- 9 tables x insert, update, delete, plus the vendors commission change.
SELECT 1 / (count(*) = 28)::integer
FROM pg_catalog.pg_trigger
WHERE
    tgname LIKE '%\_audit\_%'
    AND tgrelid IN (
        'public.medicine_inventory'::regclass,
        'public.lab_pricing'::regclass,
        'public.scan_pricing'::regclass,
        'public.service_pricing'::regclass,
        'public.consult_pricing'::regclass,
        'public.coupons'::regclass,
        'public.tax_slabs'::regclass,
        'public.order_invoices'::regclass,
        'public.coupon_redemptions'::regclass,
        'public.vendors'::regclass
    );

ROLLBACK;
