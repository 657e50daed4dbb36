-- Verify onemedi:prescription_gate on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.orders_check_transition()'::regprocedure
    AND prosrc LIKE '%prescription_checks%';

ROLLBACK;
