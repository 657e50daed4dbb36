-- Verify onemedi:audit_trail_gst_registrations on pg

BEGIN;

SELECT 1 / (count(*) = 3)::integer
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.gst_registrations'::regclass
    AND tgname IN (
        'gst_registrations_audit_insert',
        'gst_registrations_audit_update',
        'gst_registrations_audit_delete'
    );

ROLLBACK;
