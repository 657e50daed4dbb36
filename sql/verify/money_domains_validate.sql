-- Verify onemedi:money_domains_validate on pg

BEGIN;

SELECT 1 / (count(*) = 6)::integer
FROM pg_catalog.pg_constraint
WHERE
    contypid IN ('public.inr'::regtype, 'public.percent_rate'::regtype)
    AND convalidated;

ROLLBACK;
