-- Revert onemedi:order_invoices from pg

BEGIN;

DROP TABLE public.order_invoices;

COMMIT;
