-- Revert onemedi:storage_buckets from pg

BEGIN;

DROP POLICY "admins list static media" ON storage.objects;

CREATE POLICY "anyone reads static media"
ON storage.objects
FOR SELECT
TO anon, authenticated
USING (bucket_id = 'static-media');

COMMIT;
