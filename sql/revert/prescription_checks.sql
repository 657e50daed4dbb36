-- Revert onemedi:prescription_checks from pg

BEGIN;

DROP TABLE public.prescription_checks;
DROP TYPE public.prescription_check_outcome;

COMMIT;
