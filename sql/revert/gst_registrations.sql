-- Revert onemedi:gst_registrations from pg

BEGIN;

DROP TABLE public.gst_registrations;
DROP FUNCTION private.gst_registrations_same_pan();
DROP FUNCTION private.is_valid_gst_registration(text, public.gst_registration_type);
DROP TYPE public.gst_registration_type;

COMMIT;
