-- Revert onemedi:publish_medicine_version from pg

BEGIN;

DROP FUNCTION public.publish_medicine_version(uuid, jsonb);
DROP TRIGGER medicine_master_move_to_new_version ON public.medicine_master;
DROP FUNCTION public.medicine_master_move_to_new_version();

COMMIT;
