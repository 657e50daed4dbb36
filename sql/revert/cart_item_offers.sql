-- Revert onemedi:cart_item_offers from pg

BEGIN;

DROP INDEX public.cart_items_slot_id_idx;
DROP INDEX public.cart_items_vendor_id_branch_id_idx;
ALTER TABLE public.cart_items
DROP CONSTRAINT cart_items_branch_or_slot_needs_vendor,
DROP CONSTRAINT cart_items_branch_of_vendor,
DROP COLUMN slot_id,
DROP COLUMN branch_id,
DROP COLUMN vendor_id;

COMMIT;
