-- Verify onemedi:check_prescription on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_proc
WHERE
    oid = 'public.check_prescription(uuid, public.prescription_check_outcome, text, text, text)'
    ::regprocedure
    AND prosecdef;

ROLLBACK;
