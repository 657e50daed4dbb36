-- Revert onemedi:audit_trail from pg

BEGIN;

GRANT INSERT ON public.audit_logs TO service_role;

DROP FUNCTION public.log_access(text, text, jsonb);
DROP TRIGGER profiles_audit_role_change ON public.profiles;
DROP TRIGGER roles_audit_delete ON public.roles;
DROP TRIGGER roles_audit_update ON public.roles;
DROP TRIGGER roles_audit_insert ON public.roles;
DROP TRIGGER medicine_master_audit_delete ON public.medicine_master;
DROP TRIGGER medicine_master_audit_update ON public.medicine_master;
DROP TRIGGER medicine_master_audit_insert ON public.medicine_master;
DROP TRIGGER vendor_kyc_audit_delete ON public.vendor_kyc;
DROP TRIGGER vendor_kyc_audit_update ON public.vendor_kyc;
DROP TRIGGER vendor_kyc_audit_insert ON public.vendor_kyc;
DROP TRIGGER vendor_payouts_audit_delete ON public.vendor_payouts;
DROP TRIGGER vendor_payouts_audit_update ON public.vendor_payouts;
DROP TRIGGER vendor_payouts_audit_insert ON public.vendor_payouts;
DROP TRIGGER refunds_audit_delete ON public.refunds;
DROP TRIGGER refunds_audit_update ON public.refunds;
DROP TRIGGER refunds_audit_insert ON public.refunds;
DROP TRIGGER order_items_audit_delete ON public.order_items;
DROP TRIGGER order_items_audit_update ON public.order_items;
DROP TRIGGER order_items_audit_insert ON public.order_items;
DROP TRIGGER orders_audit_delete ON public.orders;
DROP TRIGGER orders_audit_update ON public.orders;
DROP TRIGGER orders_audit_insert ON public.orders;
DROP FUNCTION public.audit_log_updated_row();
DROP FUNCTION public.audit_log_deleted_rows();
DROP FUNCTION public.audit_log_inserted_rows();

COMMIT;
