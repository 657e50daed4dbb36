-- Revert onemedi:search_medicines from pg

BEGIN;

DROP FUNCTION public.search_medicines(text, integer);

COMMIT;
