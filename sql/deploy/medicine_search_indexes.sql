-- Deploy onemedi:medicine_search_indexes to pg
-- requires: medicine_master
-- requires: extensions
-- The indexes search_medicines needs: the GIN trigram indexes of 1.0.0 find the rows that
-- share trigrams with the words typed but cannot return the nearest first, so a misspelt
-- generic name fetched every medicine of that generic (about 2,000 at 1M orders) to rank
-- them. GiST trigram indexes return rows nearest first (word distance, <<->) and stop at the
-- limit; a B-tree on lower(name) returns a name prefix in name order.
-- Built CONCURRENTLY, so writers of a live table are not blocked; a build that failed half
-- way leaves an invalid index, which the statement before it removes on the next deploy.
-- onemedi:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS public.medicine_master_name_trgm_gist;
CREATE INDEX CONCURRENTLY medicine_master_name_trgm_gist ON public.medicine_master
USING gist (name extensions.gist_trgm_ops);

DROP INDEX CONCURRENTLY IF EXISTS public.medicine_master_generic_name_trgm_gist;
CREATE INDEX CONCURRENTLY medicine_master_generic_name_trgm_gist ON public.medicine_master
USING gist (generic_name extensions.gist_trgm_ops);

DROP INDEX CONCURRENTLY IF EXISTS public.medicine_master_lower_name_prefix;
CREATE INDEX CONCURRENTLY medicine_master_lower_name_prefix ON public.medicine_master (
    lower(name) text_pattern_ops
);

COMMENT ON INDEX public.medicine_master_name_trgm_gist IS
'Trigram GiST on the brand name: returns the nearest names first (<<->) and stops at the '
'limit, for search_medicines'' typo tier.';
COMMENT ON INDEX public.medicine_master_generic_name_trgm_gist IS
'Trigram GiST on the generic name: the nearest generics first, so a misspelt generic does '
'not fetch every medicine of that generic to rank them.';
COMMENT ON INDEX public.medicine_master_lower_name_prefix IS
'Case-folded brand name with text_pattern_ops: search_medicines'' prefix tier '
'(lower(name) LIKE ''par%'') in name order.';
