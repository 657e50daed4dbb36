-- Verify onemedi:order_artifact_folders on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.order_artifacts'::regclass
    AND tgname = 'order_artifacts_in_patient_folder'
    AND tgfoid = 'private.order_artifacts_in_patient_folder()'::regprocedure;

ROLLBACK;
