-- Verify onemedi:line_tax_inclusive on pg

BEGIN;

SELECT 'private.date_in_india(timestamptz)'::regprocedure;

-- 40.00 at 5% in Karnataka on 1 December 2026: 38.10 + 0.95 + 0.95.
SELECT 1 / (t.taxable_value = 38.10 AND t.cgst = 0.95 AND t.sgst = 0.95)::integer
FROM private.line_tax_inclusive(40.00, '3004', date '2026-12-01', '29', '29') AS t;

ROLLBACK;
