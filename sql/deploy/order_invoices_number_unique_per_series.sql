-- Deploy onemedi:order_invoices_number_unique_per_series to pg
-- requires: tax_document_columns
-- A document number is used once per vendor and supplying state (so per GSTIN) in a
-- financial year (CGST Rules r.46(b)).
-- Built CONCURRENTLY, so writers of a live table are not blocked; a build that failed half
-- way leaves an invalid index, which the first statement removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.order_invoices_number_unique_per_series;
CREATE UNIQUE INDEX CONCURRENTLY order_invoices_number_unique_per_series ON public.order_invoices (
    vendor_id, supplier_state_code, financial_year, invoice_number
) WHERE document_kind
<> 'LEGACY_INVOICE';
