-- Revert onemedi:vendor_payout_rules from pg

BEGIN;

DROP FUNCTION public.compute_vendor_payout(uuid, date, date);

COMMIT;
