-- Verify onemedi:storage_prescription_folder_message on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'storage'
    AND tablename = 'objects'
    AND policyname = 'patients upload prescriptions to their own folder'
    AND with_check LIKE '%prescription_upload_in_own_folder%';

SELECT 1 / has_function_privilege(
    'authenticated', 'private.prescription_upload_in_own_folder(text, text)', 'EXECUTE'
)::integer;

ROLLBACK;
