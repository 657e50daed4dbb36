-- Deploy onemedi:static_media_unlisted to pg
-- requires: storage_buckets
-- requires: security_helpers
-- The static-media bucket is public: the Storage API serves its files by URL to anyone,
-- without a policy. The broad SELECT policy on its objects only let any caller list every
-- file in the bucket (its names, sizes, owners), which is not intended; admins, who manage
-- the bucket, keep the listing.

BEGIN;

DROP POLICY "anyone reads static media" ON storage.objects;

CREATE POLICY "admins list static media"
ON storage.objects
FOR SELECT
TO authenticated
USING (bucket_id = 'static-media' AND (SELECT private.is_admin()));

COMMENT ON POLICY "admins list static media" ON storage.objects IS
'Only admins list the public static-media bucket; everyone else fetches its files by their '
'public URL, which the Storage API serves without a policy.';

COMMIT;
