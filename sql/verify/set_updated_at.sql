-- Verify onemedi:set_updated_at on pg

BEGIN;

SELECT 'private.set_updated_at()'::regprocedure;
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace = 'public'::regnamespace
    AND p.proname IN (
        'set_updated_at'
    );

ROLLBACK;
