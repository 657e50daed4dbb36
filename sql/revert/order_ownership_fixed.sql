-- Revert onemedi:order_ownership_fixed from pg

BEGIN;

DROP TRIGGER service_bookings_ownership_fixed ON public.service_bookings;
DROP TRIGGER orders_fix_ownership ON public.orders;
DROP FUNCTION private.refuse_ownership_change();

COMMIT;
