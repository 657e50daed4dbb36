-- Verify onemedi:marketing_assets on pg

BEGIN;

SELECT
    id,
    type,
    image_url,
    link_url,
    city_id,
    sort_order,
    is_active,
    active_from,
    active_until,
    created_at,
    updated_at
FROM public.marketing_assets
WHERE FALSE;

ROLLBACK;
