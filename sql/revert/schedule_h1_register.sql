-- Revert onemedi:schedule_h1_register from pg

BEGIN;

DROP TABLE public.schedule_h1_register;
DROP FUNCTION private.schedule_h1_register_retained();

COMMIT;
