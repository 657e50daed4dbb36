-- Verify onemedi:order_line_drug_schedule on pg

BEGIN;

SELECT private.order_line_drug_schedule('{"drug_schedule": "H1"}'::jsonb);

ROLLBACK;
