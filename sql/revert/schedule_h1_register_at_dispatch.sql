-- Revert onemedi:schedule_h1_register_at_dispatch from pg

BEGIN;

DROP TRIGGER orders_h1_register_at_dispatch ON public.orders;
DROP FUNCTION private.schedule_h1_register_at_dispatch();

COMMIT;
