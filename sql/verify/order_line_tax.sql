-- Verify onemedi:order_line_tax on pg

BEGIN;

SELECT has_function_privilege('public.order_line_tax(numeric, text, date, text, text)', 'execute');

ROLLBACK;
