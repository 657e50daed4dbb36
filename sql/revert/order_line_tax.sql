-- Revert onemedi:order_line_tax from pg

BEGIN;

DROP FUNCTION public.order_line_tax(numeric, text, date, text, text);

COMMIT;
