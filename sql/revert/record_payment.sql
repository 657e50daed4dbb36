-- Revert onemedi:record_payment from pg

BEGIN;

DROP FUNCTION public.record_payment(uuid, public.payment_status, text, numeric);

COMMIT;
