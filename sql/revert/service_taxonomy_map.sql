-- Revert onemedi:service_taxonomy_map from pg

BEGIN;

DROP TRIGGER taxonomies_check_tagged_types ON public.taxonomies;
DROP FUNCTION public.taxonomies_check_tagged_types();
DROP TABLE public.service_taxonomy_map;
DROP FUNCTION public.service_taxonomy_map_check_fit();

COMMIT;
