-- Verify onemedi:ui_menu_items on pg

BEGIN;

SELECT
    id,
    menu_id,
    parent_item_id,
    label,
    service_catalog_id,
    taxonomy_term_id,
    external_link,
    sort_order,
    created_at,
    updated_at
FROM public.ui_menu_items
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_constraint
WHERE
    conname = 'ui_menu_items_exactly_one_target'
    AND conrelid = 'public.ui_menu_items'::regclass;

ROLLBACK;
