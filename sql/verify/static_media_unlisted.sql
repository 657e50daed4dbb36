-- Verify onemedi:static_media_unlisted on pg

BEGIN;

SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_policies
WHERE schemaname = 'storage' AND tablename = 'objects' AND policyname = 'anyone reads static media';
SELECT 1 / count(*)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'storage' AND tablename = 'objects' AND policyname = 'admins list static media'
    AND roles = '{authenticated}' AND cmd = 'SELECT';

ROLLBACK;
