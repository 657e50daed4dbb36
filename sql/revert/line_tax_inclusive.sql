-- Revert onemedi:line_tax_inclusive from pg

BEGIN;

DROP FUNCTION public.line_tax_inclusive(numeric, text, date, text, text);
DROP FUNCTION public.date_in_india(timestamptz);

COMMIT;
