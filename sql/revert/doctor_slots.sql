-- Revert onemedi:doctor_slots from pg

BEGIN;

DROP VIEW public.doctor_slots;

COMMIT;
