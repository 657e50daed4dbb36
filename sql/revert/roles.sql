-- Revert onemedi:roles from pg

BEGIN;

DROP TABLE public.roles;

COMMIT;
