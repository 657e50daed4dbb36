-- Verify onemedi:order_invoices on pg

BEGIN;

SELECT
    id,
    order_id,
    vendor_id,
    invoice_number,
    invoice_date,
    financial_year,
    created_at,
    updated_at
FROM public.order_invoices
WHERE FALSE;

ROLLBACK;
