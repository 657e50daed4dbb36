-- Revert onemedi:medicine_master from pg

BEGIN;

DROP TABLE public.medicine_master;
DROP FUNCTION public.medicine_master_refuse_superseded_edit();
DROP TYPE public.drug_schedule;

COMMIT;
