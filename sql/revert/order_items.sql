-- Revert onemedi:order_items from pg

BEGIN;

DROP TABLE public.order_items;
DROP FUNCTION public.order_items_gst_rate_matches_slab();

COMMIT;
