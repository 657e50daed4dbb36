-- Revert onemedi:booking_fulfillment_moves from pg

BEGIN;

DROP TRIGGER service_bookings_moves_along_fulfillment ON public.service_bookings;
DROP FUNCTION private.service_bookings_check_fulfillment();

COMMIT;
