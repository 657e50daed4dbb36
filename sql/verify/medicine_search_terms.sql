-- Verify onemedi:medicine_search_terms on pg

BEGIN;

SELECT 1 / (private.medicine_search_variants('amitor') @> ARRAY['amitor', 'amior'])::integer;
SELECT 1 / (count(*) = 0)::integer
FROM public.medicine_master AS m
CROSS JOIN LATERAL private.medicine_search_words(m.name, m.generic_name) AS w (w)
WHERE NOT EXISTS (
    SELECT 1 FROM private.medicine_search_terms AS t WHERE t.variant = w.w AND t.term = w.w
);

ROLLBACK;
