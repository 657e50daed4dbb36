-- Revert onemedi:tax_documents from pg
-- Brings back the 1.0.0 uniqueness (one invoice per vendor per order, one series per
-- vendor); refused while documents issued since would break it.

BEGIN;

DROP TRIGGER order_invoices_have_lines ON public.order_invoices;
DROP FUNCTION private.order_invoices_have_lines();
DROP TRIGGER order_invoices_kept_as_issued ON public.order_invoices;
DROP FUNCTION private.order_invoices_kept_as_issued();
DROP TRIGGER orders_issue_documents ON public.orders;
DROP FUNCTION private.orders_issue_documents();
DROP FUNCTION private.issue_order_documents(uuid);
DROP FUNCTION private.next_document_number(uuid, text, public.tax_document_kind, date);

ALTER TABLE public.order_invoices
ADD CONSTRAINT order_invoices_one_per_vendor_per_order UNIQUE (order_id, vendor_id),
ADD CONSTRAINT order_invoices_number_unique_per_vendor_and_year UNIQUE (
    vendor_id, financial_year, invoice_number
);

COMMENT ON CONSTRAINT order_invoices_one_per_vendor_per_order ON public.order_invoices IS
'Refuses a second invoice of the same vendor for the same order.';
COMMENT ON CONSTRAINT order_invoices_number_unique_per_vendor_and_year
ON public.order_invoices IS
'Refuses an invoice number the vendor already used in the same financial year.';
COMMENT ON TABLE public.order_invoices IS
'The tax invoice a vendor issues for its items of an order (one per vendor per order).';

COMMIT;
