-- Revert onemedi:scans_master from pg

BEGIN;

DROP TABLE public.scans_master;
DROP TYPE public.scan_modality;

COMMIT;
