-- Verify onemedi:place_order_consults on pg

BEGIN;

SELECT has_function_privilege('public.place_order(uuid, uuid, text)', 'execute');
SELECT 1 / count(*) FROM pg_catalog.pg_proc
WHERE
    oid = 'public.place_order(uuid, uuid, text)'::regprocedure
    AND prosrc LIKE '%public.consult_pricing%';

ROLLBACK;
