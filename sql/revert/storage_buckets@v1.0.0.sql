-- Revert onemedi:storage_buckets from pg

BEGIN;

DROP POLICY "admins delete compliance files" ON storage.objects;
DROP POLICY "admins replace compliance files" ON storage.objects;
DROP POLICY "vendor members read their compliance files, admins all" ON storage.objects;
DROP POLICY "vendor managers upload compliance files, admins any" ON storage.objects;
DROP POLICY "patients and their lab staff read lab reports" ON storage.objects;
DROP POLICY "lab staff upload reports of their orders" ON storage.objects;
DROP POLICY "patients and the vendors of their orders read prescriptions" ON storage.objects;
DROP POLICY "patients upload prescriptions to their own folder" ON storage.objects;
DROP POLICY "admins delete static media" ON storage.objects;
DROP POLICY "admins replace static media" ON storage.objects;
DROP POLICY "admins upload static media" ON storage.objects;
DROP POLICY "anyone reads static media" ON storage.objects;

-- Refused (foreign key) while a bucket still holds files: files are never dropped silently.
DELETE FROM storage.buckets
WHERE id IN ('static-media', 'prescriptions', 'lab-reports', 'vendor-compliance');

COMMIT;
