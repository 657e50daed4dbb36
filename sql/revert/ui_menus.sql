-- Revert onemedi:ui_menus from pg

BEGIN;

DROP TABLE public.ui_menus;
DROP TYPE public.ui_menu_type;

COMMIT;
