-- Verify onemedi:policy_helpers_plpgsql on pg

BEGIN;

SELECT 1 / (count(*) = 3)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.oid IN (
        'private.is_admin()'::regprocedure,
        'private.current_vendor_ids()'::regprocedure,
        'private.current_vendor_order_ids()'::regprocedure
    )
    AND p.prolang = (SELECT l.oid FROM pg_catalog.pg_language AS l WHERE l.lanname = 'plpgsql')
    AND p.prosecdef;
SELECT 1 / (NOT private.is_admin())::integer;
SELECT count(*) FROM private.current_vendor_order_ids();

ROLLBACK;
