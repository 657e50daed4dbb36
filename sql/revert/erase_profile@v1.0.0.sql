-- Revert onemedi:erase_profile from pg

BEGIN;

DROP FUNCTION public.erase_profile(uuid);

COMMIT;
