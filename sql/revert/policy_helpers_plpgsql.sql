-- Revert onemedi:policy_helpers_plpgsql from pg
-- The three helpers as SQL functions again, their bodies as they were.

BEGIN;

CREATE OR REPLACE FUNCTION private.is_admin()
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $function$
    SELECT EXISTS (
        SELECT 1
        FROM public.profiles AS p
        INNER JOIN public.roles AS r ON p.role_id = r.id
        WHERE p.id = (SELECT auth.uid()) AND r.name = 'ADMIN'
    );
$function$;

CREATE OR REPLACE FUNCTION private.current_vendor_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
ROWS 4
SET search_path = ''
AS $function$
    SELECT s.vendor_id
    FROM public.vendor_staff AS s
    WHERE s.user_id = (SELECT auth.uid())
    UNION
    SELECT v.id
    FROM public.vendors AS v
    WHERE v.owner_id = (SELECT auth.uid());
$function$;

CREATE OR REPLACE FUNCTION private.current_vendor_order_ids()
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $function$
    SELECT DISTINCT oi.order_id
    FROM public.order_items AS oi
    WHERE oi.vendor_id IN (SELECT private.current_vendor_ids());
$function$;

COMMIT;
