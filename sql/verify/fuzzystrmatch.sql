-- Verify onemedi:fuzzystrmatch on pg

BEGIN;

SELECT 1 / (extensions.levenshtein('amior', 'amitor') = 1)::integer;

ROLLBACK;
