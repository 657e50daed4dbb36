-- Verify onemedi:search_medicines on pg

BEGIN;

SELECT 1 / has_function_privilege(
    'anon', 'public.search_medicines(text, integer)', 'EXECUTE'
)::integer;
SELECT count(*) FROM public.search_medicines('xx', 1);

ROLLBACK;
