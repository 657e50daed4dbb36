-- Revert onemedi:tax_document_columns from pg

BEGIN;

DROP TABLE private.document_counters;
ALTER TABLE public.order_items DROP COLUMN invoice_id;
ALTER TABLE public.order_invoices
DROP COLUMN gstin,
DROP COLUMN registration_id,
DROP COLUMN supplier_state_code,
DROP COLUMN document_kind;
DROP TYPE public.tax_document_kind;

COMMIT;
