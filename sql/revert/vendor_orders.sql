-- Revert onemedi:vendor_orders from pg

BEGIN;

DROP FUNCTION public.vendor_orders(uuid, integer, timestamptz);

COMMIT;
