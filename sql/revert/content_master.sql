-- Revert onemedi:content_master from pg

BEGIN;

DROP TABLE public.content_master;
DROP TYPE public.content_type;

COMMIT;
