-- Deploy onemedi:extensions to pg
-- PostGIS is the platform's (Supabase installs it, the stand-in too): IF NOT EXISTS keeps
-- this a no-op there. btree_gist (EXCLUDE constraints mixing = and &&) and pg_trgm (fuzzy
-- name search) are trusted extensions, so the non-superuser migration role may create them.

BEGIN;

CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;

COMMIT;
