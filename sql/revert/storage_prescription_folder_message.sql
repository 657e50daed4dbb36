-- Revert onemedi:storage_prescription_folder_message from pg

BEGIN;

DROP POLICY "patients upload prescriptions to their own folder" ON storage.objects;

CREATE POLICY "patients upload prescriptions to their own folder"
ON storage.objects
FOR INSERT
TO authenticated
WITH CHECK (
    bucket_id = 'prescriptions'
    AND (storage.foldername(name))[1] = (SELECT auth.uid())::text
);

DROP FUNCTION private.prescription_upload_in_own_folder(text, text);

COMMIT;
