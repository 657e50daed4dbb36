-- Verify onemedi:vendor_payouts on pg

BEGIN;

SELECT
    id,
    vendor_id,
    period_start,
    period_end,
    gross,
    commission,
    tcs,
    net,
    status,
    bank_ref,
    paid_at,
    created_at,
    updated_at
FROM public.vendor_payouts
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_constraint
WHERE conname = 'vendor_payouts_no_overlapping_periods' AND contype = 'x';

ROLLBACK;
