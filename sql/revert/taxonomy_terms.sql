-- Revert onemedi:taxonomy_terms from pg

BEGIN;

DROP TABLE public.taxonomy_terms;
DROP FUNCTION public.taxonomy_terms_check_tree();

COMMIT;
