-- Revert onemedi:taxonomies from pg

BEGIN;

DROP TABLE public.taxonomies;

COMMIT;
