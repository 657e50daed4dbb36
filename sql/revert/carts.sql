-- Revert onemedi:carts from pg

BEGIN;

DROP TABLE public.carts;
DROP TYPE public.cart_status;

COMMIT;
