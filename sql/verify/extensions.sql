-- Verify onemedi:extensions on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_extension AS e
INNER JOIN pg_catalog.pg_namespace AS n ON e.extnamespace = n.oid
WHERE e.extname = 'postgis' AND n.nspname = 'extensions';

SELECT 1 / count(*)
FROM pg_catalog.pg_extension AS e
INNER JOIN pg_catalog.pg_namespace AS n ON e.extnamespace = n.oid
WHERE e.extname = 'btree_gist' AND n.nspname = 'extensions';

SELECT 1 / count(*)
FROM pg_catalog.pg_extension AS e
INNER JOIN pg_catalog.pg_namespace AS n ON e.extnamespace = n.oid
WHERE e.extname = 'pg_trgm' AND n.nspname = 'extensions';

ROLLBACK;
