-- Revert onemedi:family_members from pg

BEGIN;

DROP TABLE public.family_members;

COMMIT;
