-- Revert onemedi:vendor_kyc from pg

BEGIN;

DROP TABLE public.vendor_kyc;

COMMIT;
