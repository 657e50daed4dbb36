-- Deploy onemedi:profiles to pg
-- One profile per Supabase auth user, sharing its id.

BEGIN;

CREATE TABLE public.profiles (
    id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
    full_name text,
    phone text,
    role_id uuid NOT NULL REFERENCES public.roles (id) ON DELETE RESTRICT,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT profiles_phone_key UNIQUE (phone),
    CONSTRAINT profiles_full_name_not_blank CHECK (btrim(full_name) <> ''),
    CONSTRAINT profiles_phone_is_indian_mobile CHECK (phone ~ '^\+91[6-9][0-9]{9}$')
);

CREATE INDEX profiles_role_id_idx ON public.profiles (role_id);

CREATE TRIGGER profiles_set_updated_at
BEFORE UPDATE ON public.profiles
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.profiles IS
'The app-side person behind a Supabase auth user (same id): name, phone and role.';
COMMENT ON COLUMN public.profiles.id IS
'The auth.users id; deleting the auth user deletes the profile.';
COMMENT ON COLUMN public.profiles.full_name IS 'Name as the person gave it; NULL until given.';
COMMENT ON COLUMN public.profiles.phone IS
'Indian mobile number in E.164 form (+91 and 10 digits); unique, NULL until given.';
COMMENT ON COLUMN public.profiles.role_id IS 'The application role (RBAC) of the person.';
COMMENT ON CONSTRAINT profiles_full_name_not_blank ON public.profiles IS
'Refuses an empty or all-blank name (leave it NULL instead).';
COMMENT ON CONSTRAINT profiles_phone_is_indian_mobile ON public.profiles IS
'Refuses a phone that is not +91 followed by 10 digits starting with 6, 7, 8 or 9.';

GRANT SELECT, INSERT, UPDATE ON public.profiles TO authenticated;
GRANT ALL ON public.profiles TO service_role;

COMMIT;
