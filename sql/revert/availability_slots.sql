-- Revert onemedi:availability_slots from pg

BEGIN;

DROP TABLE public.availability_slots;
DROP FUNCTION public.availability_slots_bump_version();

COMMIT;
