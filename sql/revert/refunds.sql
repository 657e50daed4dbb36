-- Revert onemedi:refunds from pg

BEGIN;

DROP TABLE public.refunds;
DROP FUNCTION public.refunds_within_item_total();
DROP TYPE public.refund_status;

COMMIT;
