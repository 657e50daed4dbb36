-- Revert onemedi:lab_tests from pg

BEGIN;

DROP TABLE public.lab_tests;
DROP TYPE public.lab_sample_type;

COMMIT;
