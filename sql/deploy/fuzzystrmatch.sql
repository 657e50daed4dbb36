-- Deploy onemedi:fuzzystrmatch to pg
-- requires: extensions
-- Levenshtein distance for search_medicines' ranking: trigrams find the candidates but rank
-- a short brand badly ('amior' is nearer to Amifor than to Amitor by trigrams, one letter
-- from Amitor by edits). fuzzystrmatch is a trusted extension (PostgreSQL 13 and later),
-- so the non-superuser migration role may create it; Supabase offers it.

BEGIN;

CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA extensions;

COMMIT;
