-- Revert onemedi:orders_created_at_idx from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY public.orders_created_at_idx;
