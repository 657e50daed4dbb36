-- Revert onemedi:place_order from pg

BEGIN;

DROP FUNCTION public.place_order(uuid, uuid, text);
DROP TRIGGER order_items_frozen_after_placement ON public.order_items;
DROP FUNCTION public.order_items_frozen_after_placement();
DROP FUNCTION public.next_invoice_number(uuid, date);
DROP TABLE public.invoice_counters;

COMMIT;
