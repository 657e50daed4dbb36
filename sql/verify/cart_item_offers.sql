-- Verify onemedi:cart_item_offers on pg

BEGIN;

SELECT
    vendor_id,
    branch_id,
    slot_id
FROM public.cart_items WHERE FALSE;

ROLLBACK;
