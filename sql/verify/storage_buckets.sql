-- Verify onemedi:storage_buckets on pg

BEGIN;

SELECT 1 / (count(*) = 4)::integer
FROM storage.buckets
WHERE id IN ('static-media', 'prescriptions', 'lab-reports', 'vendor-compliance');
-- The twelve bucket policies, the public bucket listed by admins only.
SELECT 1 / (count(*) = 12)::integer
FROM pg_catalog.pg_policies
WHERE schemaname = 'storage' AND tablename = 'objects';
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_policies
WHERE schemaname = 'storage' AND tablename = 'objects' AND policyname = 'anyone reads static media';
SELECT 1 / count(*)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'storage' AND tablename = 'objects' AND policyname = 'admins list static media'
    AND roles = '{authenticated}' AND cmd = 'SELECT';

ROLLBACK;
