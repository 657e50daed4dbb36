-- Verify onemedi:quantity_limits on pg

BEGIN;

SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_constraint
WHERE conname IN (
    'cart_items_qty_at_most_1000', 'order_items_qty_at_most_1000',
    'medicine_inventory_stock_at_most_1000000', 'availability_slots_capacity_at_most_10000'
);

ROLLBACK;
