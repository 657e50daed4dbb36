-- Verify onemedi:order_invoices_one_per_supplier_and_kind on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_index
WHERE
    indexrelid = 'public.order_invoices_one_per_supplier_and_kind'::regclass
    AND indisvalid
    AND indisunique;

ROLLBACK;
