-- Verify onemedi:tax_documents on pg

BEGIN;

SELECT 'private.issue_order_documents(uuid)'::regprocedure;
SELECT 'private.next_document_number(uuid, text, public.tax_document_kind, date)'::regprocedure;

SELECT 1 / (count(*) = 3)::integer
FROM pg_catalog.pg_trigger
WHERE tgname IN (
    'orders_issue_documents', 'order_invoices_kept_as_issued', 'order_invoices_have_lines'
);

ROLLBACK;
