-- Revert onemedi:quantity_limits from pg

BEGIN;

ALTER TABLE public.availability_slots DROP CONSTRAINT availability_slots_capacity_at_most_10000;
ALTER TABLE public.medicine_inventory DROP CONSTRAINT medicine_inventory_stock_at_most_1000000;
ALTER TABLE public.order_items DROP CONSTRAINT order_items_qty_at_most_1000;
ALTER TABLE public.cart_items DROP CONSTRAINT cart_items_qty_at_most_1000;

COMMIT;
