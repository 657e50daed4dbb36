-- Deploy onemedi:family_members to pg
-- Dependents a profile books for (a child, a parent): they have no login of their own.

BEGIN;

CREATE TABLE public.family_members (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    name text NOT NULL,
    relation text NOT NULL,
    dob date,
    medical_history jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT family_members_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT family_members_relation_is_known CHECK (
        relation IN (
            'SPOUSE',
            'CHILD',
            'PARENT',
            'SIBLING',
            'GRANDPARENT',
            'GRANDCHILD',
            'PARENT_IN_LAW',
            'OTHER'
        )
    ),
    CONSTRAINT family_members_dob_not_in_future CHECK (dob <= current_date),
    CONSTRAINT family_members_dob_after_1900 CHECK (dob >= '1900-01-01'::date),
    CONSTRAINT family_members_medical_history_is_object CHECK (
        jsonb_typeof(medical_history) = 'object'
    )
);

CREATE INDEX family_members_owner_id_idx ON public.family_members (owner_id);

CREATE TRIGGER family_members_set_updated_at
BEFORE UPDATE ON public.family_members
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.family_members ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.family_members IS
'Dependents of a profile (no login of their own) for booking on their behalf.';
COMMENT ON COLUMN public.family_members.owner_id IS
'The profile that manages this dependent; deleting it deletes its dependents.';
COMMENT ON COLUMN public.family_members.relation IS
'What the dependent is to the owner: SPOUSE, CHILD, PARENT, SIBLING, GRANDPARENT, '
'GRANDCHILD, PARENT_IN_LAW or OTHER.';
COMMENT ON COLUMN public.family_members.dob IS 'Date of birth; NULL when not known.';
COMMENT ON COLUMN public.family_members.medical_history IS
'Self-reported history (allergies, conditions, medications) as a JSON object; sensitive.';
COMMENT ON CONSTRAINT family_members_name_not_blank ON public.family_members IS
'Refuses an empty or all-blank name.';
COMMENT ON CONSTRAINT family_members_relation_is_known ON public.family_members IS
'Refuses a relation outside SPOUSE, CHILD, PARENT, SIBLING, GRANDPARENT, GRANDCHILD, '
'PARENT_IN_LAW, OTHER.';
COMMENT ON CONSTRAINT family_members_dob_not_in_future ON public.family_members IS
'Refuses a date of birth after today.';
COMMENT ON CONSTRAINT family_members_dob_after_1900 ON public.family_members IS
'Refuses a date of birth before 1900 (a typo, not a person).';
COMMENT ON CONSTRAINT family_members_medical_history_is_object ON public.family_members IS
'Refuses a medical history that is not a JSON object.';

GRANT SELECT, INSERT, UPDATE, DELETE ON public.family_members TO authenticated;
GRANT ALL ON public.family_members TO service_role;

COMMIT;
