-- Revert onemedi:states from pg

BEGIN;

DROP TABLE public.states;

COMMIT;
