-- Verify onemedi:order_items on pg

BEGIN;

SELECT
    id,
    order_id,
    service_catalog_id,
    vendor_id,
    qty,
    unit_price,
    discount_amount,
    taxable_value,
    hsn_code,
    gst_rate,
    cgst,
    sgst,
    utgst,
    igst,
    service_snapshot,
    created_at,
    updated_at
FROM public.order_items
WHERE FALSE;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.order_items'::regclass
    AND tgname = 'order_items_gst_rate_matches_slab';

ROLLBACK;
