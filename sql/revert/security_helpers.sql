-- Revert onemedi:security_helpers from pg

BEGIN;

COMMENT ON FUNCTION public.has_vendor_access(uuid) IS
'True when the calling user belongs to vendor p_vendor_id (staff or owner, as '
'current_vendor_ids() decides); false otherwise, NULL for a NULL vendor. Never raises. For '
'application code and single checks; policies use the set form current_vendor_ids(), '
'which is evaluated once per statement instead of once per row.';

ALTER FUNCTION private.is_admin() SET SCHEMA public;
ALTER FUNCTION private.current_vendor_ids() SET SCHEMA public;
ALTER FUNCTION private.managed_vendor_ids() SET SCHEMA public;
ALTER FUNCTION private.writable_vendor_ids() SET SCHEMA public;
ALTER FUNCTION private.current_vendor_order_ids() SET SCHEMA public;

SELECT private.requalify(
    ARRAY[
        'is_admin', 'current_vendor_ids', 'managed_vendor_ids', 'writable_vendor_ids',
        'current_vendor_order_ids'
    ],
    'private',
    'public'
);

COMMIT;
