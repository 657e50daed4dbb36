-- Revert onemedi:vendor_payouts from pg

BEGIN;

DROP TABLE public.vendor_payouts;
DROP TYPE public.payout_status;

COMMIT;
