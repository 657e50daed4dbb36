-- Verify onemedi:ui_carousels on pg

BEGIN;

SELECT
    id,
    title,
    position,
    city_id,
    is_active,
    created_at,
    updated_at
FROM public.ui_carousels
WHERE FALSE;

ROLLBACK;
