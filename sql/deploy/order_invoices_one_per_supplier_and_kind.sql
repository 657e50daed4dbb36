-- Deploy onemedi:order_invoices_one_per_supplier_and_kind to pg
-- requires: tax_document_columns
-- One tax invoice and one bill of supply per vendor and supplying state in an order.
-- Built CONCURRENTLY, so writers of a live table are not blocked; a build that failed half
-- way leaves an invalid index, which the first statement removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.order_invoices_one_per_supplier_and_kind;
CREATE UNIQUE INDEX CONCURRENTLY order_invoices_one_per_supplier_and_kind ON public.order_invoices (
    order_id, vendor_id, supplier_state_code, document_kind
) WHERE document_kind
<> 'LEGACY_INVOICE';
