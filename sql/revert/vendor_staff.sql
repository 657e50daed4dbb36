-- Revert onemedi:vendor_staff from pg

BEGIN;

DROP TABLE public.vendor_staff;

COMMIT;
