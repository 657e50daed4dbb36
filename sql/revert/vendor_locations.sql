-- Revert onemedi:vendor_locations from pg

BEGIN;

DROP TABLE public.vendor_locations;

COMMIT;
