-- Deploy onemedi:refunds_created_at_idx to pg
-- requires: refunds
-- The newest refunds first (an admin's refund queue, a day's refunds for the accounts team):
-- refunds had B-trees only on id and order_item_id, so "newest 20" read and sorted the
-- whole table (18 ms at 1M orders, growing with it). id breaks ties as a paging client does.
-- Built CONCURRENTLY, so refunds being recorded are not blocked; a build that failed half
-- way leaves an invalid index, which the first statement removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.refunds_created_at_idx;
CREATE INDEX CONCURRENTLY refunds_created_at_idx ON public.refunds (created_at DESC, id DESC);

COMMENT ON INDEX public.refunds_created_at_idx IS
'Newest refunds first (the admin''s refund queue, the accounts team''s day): without it '
'"newest 20" sorted every refund.';
