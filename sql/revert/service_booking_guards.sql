-- Revert onemedi:service_booking_guards from pg

BEGIN;

DROP TRIGGER service_bookings_guard_update ON public.service_bookings;
DROP FUNCTION private.guard_service_booking_update();

COMMIT;
