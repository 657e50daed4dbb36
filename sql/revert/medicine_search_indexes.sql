-- Revert onemedi:medicine_search_indexes from pg
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY public.medicine_master_lower_name_prefix;
DROP INDEX CONCURRENTLY public.medicine_master_generic_name_trgm_gist;
DROP INDEX CONCURRENTLY public.medicine_master_name_trgm_gist;
