-- Revert onemedi:service_catalog from pg

BEGIN;

DROP TRIGGER services_master_refuse_truncate_while_listed ON public.services_master;
DROP TRIGGER services_master_refuse_delete_while_listed ON public.services_master;
DROP TRIGGER doctors_refuse_truncate_while_listed ON public.doctors;
DROP TRIGGER doctors_refuse_delete_while_listed ON public.doctors;
DROP TRIGGER scans_master_refuse_truncate_while_listed ON public.scans_master;
DROP TRIGGER scans_master_refuse_delete_while_listed ON public.scans_master;
DROP TRIGGER lab_tests_refuse_truncate_while_listed ON public.lab_tests;
DROP TRIGGER lab_tests_refuse_delete_while_listed ON public.lab_tests;
DROP TRIGGER medicine_master_refuse_truncate_while_listed ON public.medicine_master;
DROP TRIGGER medicine_master_refuse_delete_while_listed ON public.medicine_master;
DROP FUNCTION public.service_catalog_guard_master();
DROP TABLE public.service_catalog;
DROP FUNCTION public.service_catalog_check_ref();

COMMIT;
