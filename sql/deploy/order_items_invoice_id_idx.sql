-- Deploy onemedi:order_items_invoice_id_idx to pg
-- requires: tax_document_columns
-- The lines of a tax document (the foreign key to order_invoices); lines of 1.0.0 and
-- lines not yet dispatched (NULL) are left out.
-- Built CONCURRENTLY, so writers of a live table are not blocked; a build that failed half
-- way leaves an invalid index, which the first statement removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.order_items_invoice_id_idx;
CREATE INDEX CONCURRENTLY order_items_invoice_id_idx ON public.order_items (
    invoice_id
) WHERE invoice_id IS NOT NULL;
