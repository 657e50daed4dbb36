-- Revert onemedi:order_line_drug_schedule from pg

BEGIN;

DROP FUNCTION private.order_line_drug_schedule(jsonb);

COMMIT;
