-- Revert onemedi:orders_completed_only_when_paid from pg

BEGIN;

ALTER TABLE public.orders DROP CONSTRAINT orders_completed_only_when_paid;

COMMIT;
