-- Deploy onemedi:medicine_search_lookup_indexes to pg
-- requires: medicine_master
-- The medicines of a brand word or a generic name, for the words search_medicines corrects
-- a typo to (medicine_search_terms): B-trees on the expressions it compares.
-- Built CONCURRENTLY, so writers of a live table are not blocked; a build that failed half
-- way leaves an invalid index, which the statement before it removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.medicine_master_lower_brand;
CREATE INDEX CONCURRENTLY medicine_master_lower_brand ON public.medicine_master (
    pg_catalog.lower(pg_catalog.split_part(name, ' ', 1))
);
COMMENT ON INDEX public.medicine_master_lower_brand IS
'Medicines by brand word, for the brands search_medicines corrects a typo to.';
DROP INDEX CONCURRENTLY IF EXISTS public.medicine_master_lower_generic_name;
CREATE INDEX CONCURRENTLY medicine_master_lower_generic_name ON public.medicine_master (
    pg_catalog.lower(generic_name)
);
COMMENT ON INDEX public.medicine_master_lower_generic_name IS
'Medicines by generic name, for the generics search_medicines corrects a typo to.';

-- Statistics of the two expressions: without them the planner takes `= ANY (words)` for 3%
-- of the catalogue and prefers a sequential scan that stops at the limit (it does not: 59 ms
-- at 1M orders, where a few rows match).
ANALYZE public.medicine_master;
