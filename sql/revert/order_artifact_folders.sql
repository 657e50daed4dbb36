-- Revert onemedi:order_artifact_folders from pg

BEGIN;

DROP TRIGGER order_artifacts_in_patient_folder ON public.order_artifacts;
DROP FUNCTION private.order_artifacts_in_patient_folder();

COMMIT;
