-- Revert onemedi:profiles from pg

BEGIN;

DROP TABLE public.profiles;

COMMIT;
