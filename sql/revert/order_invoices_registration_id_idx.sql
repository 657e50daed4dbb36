-- Revert onemedi:order_invoices_registration_id_idx from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY public.order_invoices_registration_id_idx;
