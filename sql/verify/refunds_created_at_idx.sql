-- Verify onemedi:refunds_created_at_idx on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_index
WHERE indexrelid = 'public.refunds_created_at_idx'::regclass AND indisvalid;

ROLLBACK;
