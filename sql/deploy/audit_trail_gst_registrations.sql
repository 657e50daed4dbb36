-- Deploy onemedi:audit_trail_gst_registrations to pg
-- requires: audit_trail
-- requires: gst_registrations
-- A vendor's GST registrations decide whether it may sell taxable goods in a state and which
-- GSTIN its tax invoices carry: every insert, update (an end date, a correction) and delete
-- leaves an audit row, as the prices and invoices do. The writers are audit_trail's.

BEGIN;

CREATE TRIGGER gst_registrations_audit_insert
AFTER INSERT ON public.gst_registrations
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER gst_registrations_audit_update
AFTER UPDATE ON public.gst_registrations
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER gst_registrations_audit_delete
AFTER DELETE ON public.gst_registrations
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

COMMENT ON TRIGGER gst_registrations_audit_update ON public.gst_registrations IS
'Audits every change of a GST registration (GSTIN, type, dates): the registration a tax '
'invoice names must be traceable to who set it and when.';

COMMIT;
