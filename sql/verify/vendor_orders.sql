-- Verify onemedi:vendor_orders on pg
-- The function exists as a definer that anon may not call.

BEGIN;

SELECT 1 / (p.prosecdef AND NOT has_function_privilege('anon', p.oid, 'EXECUTE'))::integer
FROM pg_catalog.pg_proc AS p
WHERE p.oid = 'public.vendor_orders(uuid, integer, timestamptz)'::regprocedure;

ROLLBACK;
