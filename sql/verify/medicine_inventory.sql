-- Verify onemedi:medicine_inventory on pg

BEGIN;

SELECT
    id,
    medicine_id,
    vendor_id,
    branch_id,
    stock_qty,
    price,
    mrp,
    created_at,
    updated_at
FROM public.medicine_inventory
WHERE FALSE;

ROLLBACK;
