-- Verify onemedi:search_medicines_ranking on pg

BEGIN;

SELECT 1 / (pg_catalog.strpos(p.prosrc, 'levenshtein') > 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE p.oid = 'public.search_medicines(text, integer)'::regprocedure;
SELECT count(*) FROM public.search_medicines('amior', 5);

ROLLBACK;
