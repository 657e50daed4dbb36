-- Revert onemedi:line_tax_inclusive from pg

BEGIN;

DROP FUNCTION private.line_tax_inclusive(numeric, text, date, text, text);
DROP FUNCTION private.date_in_india(timestamptz);

COMMIT;
