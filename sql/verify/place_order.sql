-- Verify onemedi:place_order on pg

BEGIN;

SELECT
    vendor_id,
    financial_year,
    last_number
FROM private.invoice_counters
WHERE FALSE;
SELECT 'private.next_invoice_number(uuid, date)'::regprocedure;
SELECT 1 / count(*)::integer
FROM pg_catalog.pg_trigger
WHERE
    tgname = 'order_items_frozen_after_placement'
    AND tgfoid = 'private.order_items_frozen_after_placement()'::regprocedure;
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.prosrc
    ~ '\mpublic\.(invoice_counters|next_invoice_number|order_items_frozen_after_placement)\M';

ROLLBACK;
