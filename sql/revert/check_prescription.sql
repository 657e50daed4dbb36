-- Revert onemedi:check_prescription from pg

BEGIN;

DROP FUNCTION public.check_prescription(
    uuid, public.prescription_check_outcome, text, text, text
);

COMMIT;
