-- Verify onemedi:security_helpers on pg

BEGIN;

-- In private, executable by the signed-in (policies call them as the querying role), never
-- by anon; none left in public.
SELECT 1 / has_function_privilege('authenticated', p.oid, 'EXECUTE')::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace = 'private'::regnamespace
    AND p.proname IN (
        'is_admin', 'current_vendor_ids', 'managed_vendor_ids', 'writable_vendor_ids',
        'current_vendor_order_ids'
    );
SELECT 1 / (count(*) = 5)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace = 'private'::regnamespace
    AND p.proname IN (
        'is_admin', 'current_vendor_ids', 'managed_vendor_ids', 'writable_vendor_ids',
        'current_vendor_order_ids'
    )
    AND NOT has_function_privilege('anon', p.oid, 'EXECUTE');
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace = 'public'::regnamespace
    AND p.proname IN (
        'is_admin', 'current_vendor_ids', 'managed_vendor_ids', 'writable_vendor_ids',
        'current_vendor_order_ids'
    );
-- No function body still calls them in public.
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace IN ('public'::regnamespace, 'private'::regnamespace)
    AND p.prosrc ~ (
        '\mpublic\.(is_admin|current_vendor_ids|managed_vendor_ids|writable_vendor_ids|'
        || 'current_vendor_order_ids)\('
    );
SELECT 'public.has_vendor_access(uuid)'::regprocedure;

ROLLBACK;
