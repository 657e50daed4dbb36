-- Revert onemedi:audit_trail_gst_registrations from pg

BEGIN;

DROP TRIGGER gst_registrations_audit_delete ON public.gst_registrations;
DROP TRIGGER gst_registrations_audit_update ON public.gst_registrations;
DROP TRIGGER gst_registrations_audit_insert ON public.gst_registrations;

COMMIT;
