-- Deploy onemedi:lab_tests to pg
-- requires: set_updated_at

BEGIN;

CREATE TYPE public.lab_sample_type AS ENUM (
    'BLOOD', 'URINE', 'STOOL', 'SWAB', 'SPUTUM', 'SALIVA', 'SEMEN', 'CSF', 'TISSUE', 'OTHER'
);

COMMENT ON TYPE public.lab_sample_type IS
'Specimen a lab test needs; decides collection (home phlebotomy, container, kit).';

CREATE TABLE public.lab_tests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    code text NOT NULL,
    sample_type public.lab_sample_type NOT NULL,
    fasting_needed boolean NOT NULL DEFAULT FALSE,
    category text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lab_tests_code_key UNIQUE (code),
    CONSTRAINT lab_tests_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT lab_tests_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,31}$'),
    CONSTRAINT lab_tests_category_not_blank CHECK (btrim(category) <> '')
);

COMMENT ON TABLE public.lab_tests IS
'Master list of diagnostic lab tests and packages; vendors price them in lab_pricing.';
COMMENT ON COLUMN public.lab_tests.code IS
'Platform test code (upper-case letters, digits, ., _ and -), e.g. CBC, HBA1C, LIPID-PROFILE.';
COMMENT ON COLUMN public.lab_tests.fasting_needed IS
'True when the patient must fast before sample collection.';
COMMENT ON COLUMN public.lab_tests.category IS
'Display grouping (e.g. Haematology); medical tagging lives in the taxonomy tables.';
COMMENT ON CONSTRAINT lab_tests_code_key ON public.lab_tests IS
'Refuses two tests with the same code.';
COMMENT ON CONSTRAINT lab_tests_name_not_blank ON public.lab_tests IS
'Refuses an empty or blank name.';
COMMENT ON CONSTRAINT lab_tests_code_format ON public.lab_tests IS
'Refuses a code that is not 1 to 32 upper-case letters, digits, ., _ or - '
'(starting with a letter or digit).';
COMMENT ON CONSTRAINT lab_tests_category_not_blank ON public.lab_tests IS
'Refuses a blank category (leave it NULL instead).';

CREATE TRIGGER lab_tests_set_updated_at
BEFORE UPDATE ON public.lab_tests
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.lab_tests ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.lab_tests TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.lab_tests TO authenticated;
GRANT ALL ON public.lab_tests TO service_role;

COMMIT;
