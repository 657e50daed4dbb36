-- Verify onemedi:policy_indexes on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_indexes
WHERE schemaname = 'public' AND indexname = 'order_artifacts_file_url_idx';

ROLLBACK;
