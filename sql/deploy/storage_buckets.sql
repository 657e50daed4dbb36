-- Deploy onemedi:storage_buckets to pg
-- requires: storage_buckets@v1.0.0
-- requires: security_helpers
-- requires: storage_prescription_folder_message
-- The static-media bucket is public: the Storage API serves its files by URL to anyone,
-- without a policy. The broad SELECT policy on its objects only let any caller list every
-- file in the bucket (its names, sizes, owners), which is not intended; admins, who manage
-- the bucket, keep the listing. (No COMMENT ON POLICY: on Supabase only storage's own role,
-- the table's owner, may comment on its policies.)

BEGIN;

DROP POLICY "anyone reads static media" ON storage.objects;

CREATE POLICY "admins list static media"
ON storage.objects
FOR SELECT
TO authenticated
USING (bucket_id = 'static-media' AND (SELECT private.is_admin()));

COMMIT;
