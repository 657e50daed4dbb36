-- Verify onemedi:order_items_invoice_id_idx on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_index
WHERE indexrelid = 'public.order_items_invoice_id_idx'::regclass AND indisvalid;

ROLLBACK;
