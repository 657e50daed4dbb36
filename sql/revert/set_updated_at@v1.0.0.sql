-- Revert onemedi:set_updated_at from pg

BEGIN;

DROP FUNCTION public.set_updated_at();

COMMIT;
