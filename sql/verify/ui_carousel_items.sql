-- Verify onemedi:ui_carousel_items on pg

BEGIN;

SELECT
    id,
    carousel_id,
    service_catalog_id,
    image_url,
    sort_order,
    created_at,
    updated_at
FROM public.ui_carousel_items
WHERE FALSE;

ROLLBACK;
