-- Revert onemedi:refunds_created_at_idx from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY public.refunds_created_at_idx;
