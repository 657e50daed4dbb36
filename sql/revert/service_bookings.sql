-- Revert onemedi:service_bookings from pg

BEGIN;

DROP TABLE public.service_bookings;
DROP FUNCTION public.service_bookings_patient_and_slot_match();
DROP TYPE public.fulfillment_status;

COMMIT;
