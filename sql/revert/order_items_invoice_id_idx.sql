-- Revert onemedi:order_items_invoice_id_idx from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY public.order_items_invoice_id_idx;
