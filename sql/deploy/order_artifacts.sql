-- Deploy onemedi:order_artifacts to pg
-- Prescriptions and reports attached to an order: links into the matching private bucket.

BEGIN;

CREATE TYPE public.order_artifact_type AS ENUM ('PRESC', 'REPORT');
COMMENT ON TYPE public.order_artifact_type IS
'PRESC: a prescription (bucket prescriptions); REPORT: a clinical report (bucket lab-reports).';

CREATE TABLE public.order_artifacts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES public.orders (id) ON DELETE RESTRICT,
    type public.order_artifact_type NOT NULL,
    file_url text NOT NULL,
    uploaded_by uuid REFERENCES public.profiles (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_artifacts_file_url_in_matching_bucket CHECK (
        file_url !~ '(^|/)\.{1,2}(/|$)'
        AND (
            (type = 'PRESC' AND file_url ~ '^prescriptions/[^/]+(/[^/]+)*$')
            OR (type = 'REPORT' AND file_url ~ '^lab-reports/[^/]+(/[^/]+)*$')
        )
    )
);

CREATE INDEX order_artifacts_order_id_idx ON public.order_artifacts (order_id);
CREATE INDEX order_artifacts_uploaded_by_idx ON public.order_artifacts (uploaded_by);

CREATE TRIGGER order_artifacts_set_updated_at
BEFORE UPDATE ON public.order_artifacts
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.order_artifacts ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.order_artifacts IS
'The prescription and report vault of an order: one row per stored file. Kept (RESTRICT) '
'because prescription records must be retained.';
COMMENT ON COLUMN public.order_artifacts.type IS 'PRESC (prescription) or REPORT.';
COMMENT ON COLUMN public.order_artifacts.file_url IS
'Storage path "<bucket>/<object name>": prescriptions/... for PRESC, lab-reports/... for '
'REPORT; never a public URL.';
COMMENT ON COLUMN public.order_artifacts.uploaded_by IS
'Who uploaded the file; NULL once that profile is deleted.';
COMMENT ON CONSTRAINT order_artifacts_file_url_in_matching_bucket ON public.order_artifacts IS
'Refuses a path outside the bucket of its type (prescriptions/ for PRESC, lab-reports/ for '
'REPORT), with an empty, "." or ".." segment, or ending in "/".';

GRANT SELECT, INSERT ON public.order_artifacts TO authenticated;
GRANT ALL ON public.order_artifacts TO service_role;

COMMIT;
