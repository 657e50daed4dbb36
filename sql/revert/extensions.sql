-- Revert onemedi:extensions from pg
-- Drops only what this change created. PostGIS belongs to the platform and stays.

BEGIN;

DROP EXTENSION IF EXISTS pg_trgm;
DROP EXTENSION IF EXISTS btree_gist;

COMMIT;
