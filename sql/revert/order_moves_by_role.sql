-- Revert onemedi:order_moves_by_role from pg

BEGIN;

DROP TRIGGER orders_authorize_moves ON public.orders;
DROP FUNCTION private.orders_authorize_moves();

COMMIT;
