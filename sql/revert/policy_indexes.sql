-- Revert onemedi:policy_indexes from pg

BEGIN;

DROP INDEX public.order_artifacts_file_url_idx;

COMMIT;
