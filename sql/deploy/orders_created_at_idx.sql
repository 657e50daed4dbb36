-- Deploy onemedi:orders_created_at_idx to pg
-- requires: orders
-- The newest orders first (an admin's list, a report of the last hour): orders.created_at had
-- only a BRIN index, which finds a range of days but cannot return rows in order, so "newest
-- 50" read and sorted the whole table. id breaks ties the way a paging client does.
-- Built CONCURRENTLY, so writers of a live table are not blocked; a build that failed half
-- way leaves an invalid index, which the first statement removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.orders_created_at_idx;
CREATE INDEX CONCURRENTLY orders_created_at_idx ON public.orders (created_at DESC, id DESC);

COMMENT ON INDEX public.orders_created_at_idx IS
'Newest orders first (admin lists, recent-order reports): the BRIN index on created_at '
'cannot return rows in order.';
