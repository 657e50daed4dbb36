-- Verify onemedi:order_invoices_registration_id_idx on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_index
WHERE indexrelid = 'public.order_invoices_registration_id_idx'::regclass AND indisvalid;

ROLLBACK;
