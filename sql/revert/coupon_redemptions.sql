-- Revert onemedi:coupon_redemptions from pg

BEGIN;

DROP TABLE public.coupon_redemptions;
DROP FUNCTION public.coupon_redemptions_within_limits();

COMMIT;
