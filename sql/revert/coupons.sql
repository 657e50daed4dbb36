-- Revert onemedi:coupons from pg

BEGIN;

DROP TABLE public.coupons;
DROP TYPE public.discount_type;

COMMIT;
