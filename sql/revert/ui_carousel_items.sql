-- Revert onemedi:ui_carousel_items from pg

BEGIN;

DROP TABLE public.ui_carousel_items;

COMMIT;
