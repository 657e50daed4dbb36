-- Verify onemedi:storage_buckets on pg

BEGIN;

SELECT 1 / (count(*) = 4)::integer
FROM storage.buckets
WHERE
    id IN ('static-media', 'prescriptions', 'lab-reports', 'vendor-compliance')
    AND file_size_limit IS NOT NULL
    AND allowed_mime_types IS NOT NULL;
SELECT 1 / (count(*) = 12)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'storage'
    AND tablename = 'objects'
    AND policyname IN (
        'anyone reads static media',
        'admins upload static media',
        'admins replace static media',
        'admins delete static media',
        'patients upload prescriptions to their own folder',
        'patients and the vendors of their orders read prescriptions',
        'lab staff upload reports of their orders',
        'patients and their lab staff read lab reports',
        'vendor managers upload compliance files, admins any',
        'vendor members read their compliance files, admins all',
        'admins replace compliance files',
        'admins delete compliance files'
    );

ROLLBACK;
