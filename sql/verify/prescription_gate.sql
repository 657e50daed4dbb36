-- Verify onemedi:prescription_gate on pg

BEGIN;

-- The function the orders transition trigger runs, wherever it lives (it moves to schema
-- private in a later change), checks the prescriptions.
SELECT 1 / count(*)
FROM pg_catalog.pg_trigger AS t
INNER JOIN pg_catalog.pg_proc AS p ON t.tgfoid = p.oid
WHERE
    t.tgrelid = 'public.orders'::regclass
    AND p.proname = 'orders_check_transition'
    AND p.prosrc LIKE '%prescription_checks%';

ROLLBACK;
