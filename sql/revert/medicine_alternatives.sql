-- Revert onemedi:medicine_alternatives from pg

BEGIN;

DROP TABLE public.medicine_alternatives;

COMMIT;
