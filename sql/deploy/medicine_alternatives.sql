-- Deploy onemedi:medicine_alternatives to pg
-- requires: medicine_master

BEGIN;

CREATE TABLE public.medicine_alternatives (
    medicine_id uuid NOT NULL
    REFERENCES public.medicine_master (id) ON DELETE CASCADE,
    alternative_id uuid NOT NULL
    REFERENCES public.medicine_master (id) ON DELETE CASCADE,
    rank integer NOT NULL DEFAULT 1,
    approved boolean NOT NULL DEFAULT FALSE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT medicine_alternatives_pkey PRIMARY KEY (medicine_id, alternative_id),
    CONSTRAINT medicine_alternatives_not_itself CHECK (medicine_id <> alternative_id),
    CONSTRAINT medicine_alternatives_rank_positive CHECK (rank >= 1)
);

COMMENT ON TABLE public.medicine_alternatives IS
'Doctor-safe substitutes: alternative_id may be offered instead of medicine_id. Directional '
'(B substitutes A says nothing about A substituting B); one row per ordered pair. Rows follow '
'the current version of both medicines (publishing a version moves them).';
COMMENT ON COLUMN public.medicine_alternatives.rank IS
'Order in which alternatives of one medicine are offered, 1 first.';
COMMENT ON COLUMN public.medicine_alternatives.approved IS
'True once a pharmacist or doctor has approved the substitution; only approved rows may be '
'offered to patients.';
COMMENT ON CONSTRAINT medicine_alternatives_not_itself ON public.medicine_alternatives IS
'Refuses a medicine listed as its own alternative.';
COMMENT ON CONSTRAINT medicine_alternatives_rank_positive ON public.medicine_alternatives IS
'Refuses a rank below 1.';

CREATE INDEX medicine_alternatives_alternative_id_idx
ON public.medicine_alternatives (alternative_id);

CREATE TRIGGER medicine_alternatives_set_updated_at
BEFORE UPDATE ON public.medicine_alternatives
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.medicine_alternatives ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.medicine_alternatives TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.medicine_alternatives TO authenticated;
GRANT ALL ON public.medicine_alternatives TO service_role;

COMMIT;
