-- Revert onemedi:order_artifacts from pg

BEGIN;

DROP TABLE public.order_artifacts;
DROP TYPE public.order_artifact_type;

COMMIT;
