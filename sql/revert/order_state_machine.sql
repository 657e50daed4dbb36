-- Revert onemedi:order_state_machine from pg

BEGIN;

DROP FUNCTION public.cancel_order(uuid);
DROP TRIGGER orders_release_on_cancel ON public.orders;
DROP FUNCTION public.orders_release_on_cancel();
DROP TRIGGER orders_check_transition ON public.orders;
DROP FUNCTION public.orders_check_transition();

COMMIT;
