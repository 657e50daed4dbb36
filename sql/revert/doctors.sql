-- Revert onemedi:doctors from pg

BEGIN;

DROP TABLE public.doctors;

COMMIT;
