-- Deploy onemedi:doctors to pg
-- requires: profiles
-- requires: set_updated_at

BEGIN;

CREATE TABLE public.doctors (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    profile_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE RESTRICT,
    specialty text NOT NULL,
    reg_number text NOT NULL,
    experience_years integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT doctors_profile_id_key UNIQUE (profile_id),
    CONSTRAINT doctors_reg_number_key UNIQUE (reg_number),
    CONSTRAINT doctors_specialty_not_blank CHECK (btrim(specialty) <> ''),
    CONSTRAINT doctors_reg_number_format CHECK (reg_number ~ '^[A-Za-z0-9][A-Za-z0-9/. -]*$'),
    CONSTRAINT doctors_experience_years_plausible CHECK (experience_years BETWEEN 0 AND 80)
);

COMMENT ON TABLE public.doctors IS
'Clinical credentials of a practitioner who consults on the platform; one row per profile.';
COMMENT ON COLUMN public.doctors.profile_id IS
'The practitioner''s login profile; RESTRICT keeps a doctor with consultations from being '
'deleted with the account (anonymise instead).';
COMMENT ON COLUMN public.doctors.specialty IS
'Primary specialty as shown (e.g. Cardiology); further tagging lives in the taxonomy tables.';
COMMENT ON COLUMN public.doctors.reg_number IS
'Registration number with the NMC or a state medical council, with its council prefix '
'(numbers are issued per council, so the prefix keeps them unique).';
COMMENT ON CONSTRAINT doctors_profile_id_key ON public.doctors IS
'Refuses a second doctor row for the same profile.';
COMMENT ON CONSTRAINT doctors_reg_number_key ON public.doctors IS
'Refuses two doctors with the same registration number.';
COMMENT ON CONSTRAINT doctors_specialty_not_blank ON public.doctors IS
'Refuses an empty or blank specialty.';
COMMENT ON CONSTRAINT doctors_reg_number_format ON public.doctors IS
'Refuses a registration number that is blank or holds characters other than letters, '
'digits, space, /, . and -.';
COMMENT ON CONSTRAINT doctors_experience_years_plausible ON public.doctors IS
'Refuses negative experience, or more than 80 years.';

CREATE TRIGGER doctors_set_updated_at
BEFORE UPDATE ON public.doctors
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.doctors ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.doctors TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.doctors TO authenticated;
GRANT ALL ON public.doctors TO service_role;

COMMIT;
