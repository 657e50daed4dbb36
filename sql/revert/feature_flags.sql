-- Revert onemedi:feature_flags from pg

BEGIN;

DROP FUNCTION public.feature_enabled(text, uuid);
DROP TABLE public.feature_flags;

COMMIT;
