-- Deploy onemedi:place_order to pg
-- requires: place_order@v1.0.0
-- requires: private_schema
-- requires: tax_documents
-- What 1.0.0's checkout kept for itself moves to schema private, out of the Data API: the
-- per-vendor invoice counter and its numbering (tax documents number themselves with
-- private.document_counters now) and the trigger function that freezes placed lines.
-- place_order stays the RPC.

BEGIN;

ALTER TABLE public.invoice_counters SET SCHEMA private;
ALTER FUNCTION public.next_invoice_number(uuid, date) SET SCHEMA private;
ALTER FUNCTION public.order_items_frozen_after_placement() SET SCHEMA private;

SELECT private.requalify(
    ARRAY['invoice_counters', 'next_invoice_number', 'order_items_frozen_after_placement'],
    'public',
    'private'
);

COMMIT;
