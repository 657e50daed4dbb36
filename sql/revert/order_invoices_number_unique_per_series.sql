-- Revert onemedi:order_invoices_number_unique_per_series from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY public.order_invoices_number_unique_per_series;
