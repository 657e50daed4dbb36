-- Verify onemedi:set_updated_at on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.set_updated_at()'::regprocedure
    AND prorettype = 'pg_catalog.trigger'::regtype;

ROLLBACK;
