-- Deploy onemedi:storage_prescription_folder_message to pg
-- requires: storage_buckets
-- requires: private_schema
-- A patient uploading a prescription anywhere but their own folder (prescriptions/<their user
-- id>/<file>) is told so, instead of a bare "new row violates row-level security policy":
-- the INSERT policy calls a function that raises 42501 with the reason and the folder to use.
-- The SQLSTATE stays 42501, the one the Storage API turns into an access-denied answer. Only
-- the policy changes (the platform lets the project's role create and drop policies on
-- storage.objects; triggers there could not be dropped again on hosted Supabase).

BEGIN;

CREATE FUNCTION private.prescription_upload_in_own_folder(p_bucket_id text, p_name text)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SECURITY INVOKER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := (SELECT auth.uid());
    v_folder text;
BEGIN
    IF p_bucket_id IS DISTINCT FROM 'prescriptions' THEN
        RETURN FALSE;
    END IF;
    v_folder := (storage.foldername(p_name))[1];
    IF v_uid IS NOT NULL AND v_folder = v_uid::text THEN
        RETURN TRUE;
    END IF;
    RAISE EXCEPTION USING
        ERRCODE = '42501',
        MESSAGE = CASE
            WHEN v_folder IS NULL THEN pg_catalog.format(
                'prescription %s must go into your own folder %s/, not the top of the bucket',
                p_name, v_uid
            )
            ELSE pg_catalog.format(
                'prescription %s is in folder %s/, which is not yours: upload into your own '
                || 'folder %s/',
                p_name, v_folder, v_uid
            )
        END,
        HINT = 'Prescriptions are stored as prescriptions/<your user id>/<file name>; another '
        || 'patient''s folder cannot be written.';
END
$$;

COMMENT ON FUNCTION private.prescription_upload_in_own_folder(text, text) IS
'For the INSERT policy of storage.objects: false for other buckets, true for a prescriptions '
'object under the caller''s own folder (<auth.uid()>/...); otherwise raises 42501 saying that '
'the folder is not the caller''s (or that the file is at the top of the bucket) and which '
'folder to use.';

REVOKE ALL ON FUNCTION private.prescription_upload_in_own_folder(text, text)
FROM anon, authenticated, service_role, public;
GRANT EXECUTE ON FUNCTION private.prescription_upload_in_own_folder(text, text)
TO authenticated;

DROP POLICY "patients upload prescriptions to their own folder" ON storage.objects;

CREATE POLICY "patients upload prescriptions to their own folder"
ON storage.objects
FOR INSERT
TO authenticated
WITH CHECK (
    bucket_id = 'prescriptions'
    AND private.prescription_upload_in_own_folder(bucket_id, name)
);

COMMIT;
