-- Verify onemedi:orders_completed_only_when_paid on pg

BEGIN;

SELECT 1 / count(*)
FROM pg_catalog.pg_constraint
WHERE
    conrelid = 'public.orders'::regclass
    AND conname = 'orders_completed_only_when_paid'
    AND contype = 'c';

ROLLBACK;
