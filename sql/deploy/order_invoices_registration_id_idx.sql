-- Deploy onemedi:order_invoices_registration_id_idx to pg
-- requires: tax_document_columns
-- The documents issued under a GST registration (the foreign key to gst_registrations).
-- Built CONCURRENTLY, so writers of a live table are not blocked; a build that failed half
-- way leaves an invalid index, which the first statement removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.order_invoices_registration_id_idx;
CREATE INDEX CONCURRENTLY order_invoices_registration_id_idx ON public.order_invoices (
    registration_id
) WHERE registration_id IS NOT NULL;
