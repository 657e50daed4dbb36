-- Verify onemedi:order_invoices_number_unique_per_series on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_index
WHERE
    indexrelid = 'public.order_invoices_number_unique_per_series'::regclass
    AND indisvalid
    AND indisunique;

ROLLBACK;
