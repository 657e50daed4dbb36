-- Revert onemedi:medicine_search_lookup_indexes from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.medicine_master_lower_generic_name;
DROP INDEX CONCURRENTLY IF EXISTS public.medicine_master_lower_brand;
