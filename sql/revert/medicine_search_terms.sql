-- Revert onemedi:medicine_search_terms from pg

BEGIN;

DROP TRIGGER medicine_master_search_terms ON public.medicine_master;
DROP FUNCTION private.medicine_search_terms_add();
DROP FUNCTION private.medicine_search_words(text, text);
DROP FUNCTION private.medicine_search_variants(text);
DROP TABLE private.medicine_search_terms;

COMMIT;
