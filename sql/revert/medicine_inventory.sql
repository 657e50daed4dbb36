-- Revert onemedi:medicine_inventory from pg

BEGIN;

DROP TABLE public.medicine_inventory;

COMMIT;
