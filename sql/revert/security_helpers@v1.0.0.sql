-- Revert onemedi:security_helpers from pg

BEGIN;

DROP FUNCTION public.current_vendor_order_ids();
DROP FUNCTION public.has_vendor_access(uuid);
DROP FUNCTION public.writable_vendor_ids();
DROP FUNCTION public.managed_vendor_ids();
DROP FUNCTION public.current_vendor_ids();
DROP FUNCTION public.is_admin();

COMMIT;
