-- Revert onemedi:ui_menu_items from pg

BEGIN;

DROP TABLE public.ui_menu_items;
DROP FUNCTION public.ui_menu_items_check_tree();

COMMIT;
