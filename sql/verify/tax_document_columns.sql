-- Verify onemedi:tax_document_columns on pg

BEGIN;

SELECT
    document_kind,
    supplier_state_code,
    registration_id,
    gstin
FROM public.order_invoices
WHERE FALSE;

SELECT invoice_id FROM public.order_items WHERE FALSE;

SELECT
    vendor_id,
    state_code,
    document_kind,
    financial_year,
    last_number
FROM private.document_counters
WHERE FALSE;

ROLLBACK;
