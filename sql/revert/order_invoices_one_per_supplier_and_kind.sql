-- Revert onemedi:order_invoices_one_per_supplier_and_kind from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY public.order_invoices_one_per_supplier_and_kind;
