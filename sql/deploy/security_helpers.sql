-- Deploy onemedi:security_helpers to pg
-- requires: security_helpers@v1.0.0
-- requires: private_schema
-- requires: branch_scope
-- The helpers that policies use move to schema private: the Data API does not serve it and
-- the generated client types do not list it, so an app can no longer call them as RPCs or
-- see them as part of the API. Policies follow them by oid; the functions whose bodies name
-- them are re-created to name private instead (private.requalify). has_vendor_access
-- stays in public, where the design names it: it tells the signed-in user only whether they
-- themselves belong to a vendor.

BEGIN;

ALTER FUNCTION public.is_admin() SET SCHEMA private;
ALTER FUNCTION public.current_vendor_ids() SET SCHEMA private;
ALTER FUNCTION public.managed_vendor_ids() SET SCHEMA private;
ALTER FUNCTION public.writable_vendor_ids() SET SCHEMA private;
ALTER FUNCTION public.current_vendor_order_ids() SET SCHEMA private;

SELECT private.requalify(
    ARRAY[
        'is_admin', 'current_vendor_ids', 'managed_vendor_ids', 'writable_vendor_ids',
        'current_vendor_order_ids'
    ],
    'public',
    'private'
);

COMMENT ON FUNCTION public.has_vendor_access(uuid) IS
'True when the calling user belongs to vendor p_vendor_id (staff or owner, as '
'private.current_vendor_ids() decides); false otherwise, NULL for a NULL vendor. Never '
'raises. An RPC on purpose (an app asks it before showing a vendor''s screens): it tells '
'the caller only about their own membership, and is SECURITY DEFINER only to read '
'vendor_staff past its policies. Policies use the set form, evaluated once per statement.';

COMMIT;
