-- Verify onemedi:tax_slab_for on pg

BEGIN;

SELECT has_function_privilege('public.tax_slab_for(text, date)', 'execute');

SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.tax_slab_for(text, date)'::regprocedure
    AND provolatile = 's';

ROLLBACK;
