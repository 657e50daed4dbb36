-- Revert onemedi:order_rules_helper_plpgsql from pg
-- The helper as a SQL function again, its body as it was.

BEGIN;

CREATE OR REPLACE FUNCTION private.order_rules_acts_for_vendor(p_vendor_id uuid)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $function$
    SELECT (SELECT auth.uid()) IS NOT NULL AND (
        EXISTS (
            SELECT 1 FROM public.vendors AS v
            WHERE v.id = p_vendor_id AND v.owner_id = (SELECT auth.uid())
        )
        OR EXISTS (
            SELECT 1 FROM public.vendor_staff AS s
            WHERE s.vendor_id = p_vendor_id AND s.user_id = (SELECT auth.uid())
        )
        OR EXISTS (
            SELECT 1
            FROM public.profiles AS p
            INNER JOIN public.roles AS r ON p.role_id = r.id
            WHERE p.id = (SELECT auth.uid()) AND r.name = 'ADMIN'
        )
    );
$function$;

COMMIT;
