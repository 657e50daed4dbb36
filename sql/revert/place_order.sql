-- Revert onemedi:place_order from pg

BEGIN;

ALTER TABLE private.invoice_counters SET SCHEMA public;
ALTER FUNCTION private.next_invoice_number(uuid, date) SET SCHEMA public;
ALTER FUNCTION private.order_items_frozen_after_placement() SET SCHEMA public;

SELECT private.requalify(
    ARRAY['invoice_counters', 'next_invoice_number', 'order_items_frozen_after_placement'],
    'private',
    'public'
);

COMMIT;
