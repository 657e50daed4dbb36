-- Verify onemedi:ui_menus on pg

BEGIN;

SELECT
    id,
    menu_type,
    title,
    icon,
    route,
    sort_order,
    city_id,
    is_active,
    created_at,
    updated_at
FROM public.ui_menus
WHERE FALSE;

ROLLBACK;
