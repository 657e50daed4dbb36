-- Revert onemedi:admin_role from pg
-- The role goes with the change, and its memberships with it, unless another database of
-- the cluster still holds privileges or policies for it (roles belong to the cluster):
-- then it stays as it is, said in a notice, so that database keeps working.

BEGIN;

DROP FUNCTION public.custom_access_token_hook(jsonb);
DO $$
BEGIN
    DROP ROLE om_admin;
EXCEPTION WHEN dependent_objects_still_exist THEN
    RAISE NOTICE 'role om_admin kept: another database of this cluster still uses it (%)',
        SQLERRM;
END;
$$;

COMMIT;
