-- Verify onemedi:coupon_redemptions on pg

BEGIN;

SELECT
    id,
    coupon_id,
    order_id,
    profile_id,
    redeemed_at,
    created_at,
    updated_at
FROM public.coupon_redemptions
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.coupon_redemptions'::regclass
    AND tgname = 'coupon_redemptions_within_limits';

ROLLBACK;
