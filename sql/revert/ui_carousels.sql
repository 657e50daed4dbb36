-- Revert onemedi:ui_carousels from pg

BEGIN;

DROP TABLE public.ui_carousels;
DROP TYPE public.ui_carousel_position;

COMMIT;
