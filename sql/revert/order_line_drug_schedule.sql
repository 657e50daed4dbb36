-- Revert onemedi:order_line_drug_schedule from pg

BEGIN;

DROP FUNCTION public.order_line_drug_schedule(jsonb);

COMMIT;
