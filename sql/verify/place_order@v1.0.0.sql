-- Verify onemedi:place_order on pg

BEGIN;

SELECT
    vendor_id,
    financial_year,
    last_number,
    created_at,
    updated_at
FROM public.invoice_counters
WHERE FALSE;
SELECT has_function_privilege('public.next_invoice_number(uuid, date)', 'execute');
SELECT has_function_privilege('public.place_order(uuid, uuid, text)', 'execute');
SELECT 1 / count(*) FROM pg_catalog.pg_trigger
WHERE tgname = 'order_items_frozen_after_placement';

ROLLBACK;
