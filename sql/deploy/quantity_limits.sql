-- Deploy onemedi:quantity_limits to pg
-- requires: cart_items
-- requires: order_items
-- requires: medicine_inventory
-- requires: availability_slots
-- Quantities have a ceiling a person can read, instead of failing later as "integer out of
-- range" or "numeric field overflow" deep inside checkout: at most 1,000 units on a cart or
-- order line, 10,00,000 units on a stock row, 10,000 seats in a slot. Added NOT VALID so
-- existing rows are not scanned under this change's lock; checkout_validate checks them.

BEGIN;

ALTER TABLE public.cart_items
ADD CONSTRAINT cart_items_qty_at_most_1000 CHECK (qty <= 1000) NOT VALID;
ALTER TABLE public.order_items
ADD CONSTRAINT order_items_qty_at_most_1000 CHECK (qty <= 1000) NOT VALID;
ALTER TABLE public.medicine_inventory
ADD CONSTRAINT medicine_inventory_stock_at_most_1000000 CHECK (stock_qty <= 1000000) NOT VALID;
ALTER TABLE public.availability_slots
ADD CONSTRAINT availability_slots_capacity_at_most_10000 CHECK (capacity <= 10000) NOT VALID;

COMMENT ON CONSTRAINT cart_items_qty_at_most_1000 ON public.cart_items IS
'Refuses more than 1,000 units on one cart line; a larger order is a purchase order, not a '
'patient''s cart.';
COMMENT ON CONSTRAINT order_items_qty_at_most_1000 ON public.order_items IS
'Refuses more than 1,000 units on one order line (the cart''s limit).';
COMMENT ON CONSTRAINT medicine_inventory_stock_at_most_1000000 ON public.medicine_inventory IS
'Refuses a stock of more than 10,00,000 units at one branch: such a figure is a typing '
'error, and it would overflow totals downstream.';
COMMENT ON CONSTRAINT availability_slots_capacity_at_most_10000 ON public.availability_slots IS
'Refuses a slot of more than 10,000 seats.';

COMMIT;
