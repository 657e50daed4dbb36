-- Revert onemedi:fuzzystrmatch from pg

BEGIN;

DROP EXTENSION IF EXISTS fuzzystrmatch;

COMMIT;
