-- Revert onemedi:cart_items from pg

BEGIN;

DROP TABLE public.cart_items;

COMMIT;
