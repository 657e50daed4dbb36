-- Deploy onemedi:scans_master to pg
-- requires: set_updated_at

BEGIN;

CREATE TYPE public.scan_modality AS ENUM (
    'MRI', 'CT', 'US', 'X_RAY', 'PET_CT', 'MAMMOGRAPHY', 'DEXA', 'FLUOROSCOPY'
);

COMMENT ON TYPE public.scan_modality IS
'Imaging modality: MRI, CT, ultrasound (US, including echo and Doppler), X-ray, PET-CT, '
'mammography, DEXA (bone density) and fluoroscopy.';

CREATE TABLE public.scans_master (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    body_part text NOT NULL,
    modality public.scan_modality NOT NULL,
    contrast_required boolean NOT NULL DEFAULT FALSE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT scans_master_name_key UNIQUE (name),
    CONSTRAINT scans_master_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT scans_master_body_part_not_blank CHECK (btrim(body_part) <> '')
);

COMMENT ON TABLE public.scans_master IS
'Master list of radiology scans; vendors price them per centre in scan_pricing.';
COMMENT ON COLUMN public.scans_master.body_part IS
'Region imaged, e.g. Brain, Knee (left), Whole abdomen.';
COMMENT ON COLUMN public.scans_master.contrast_required IS
'True when the scan uses a contrast agent (consent and kidney-function checks apply).';
COMMENT ON CONSTRAINT scans_master_name_key ON public.scans_master IS
'Refuses two scans with the same name.';
COMMENT ON CONSTRAINT scans_master_name_not_blank ON public.scans_master IS
'Refuses an empty or blank name.';
COMMENT ON CONSTRAINT scans_master_body_part_not_blank ON public.scans_master IS
'Refuses an empty or blank body part.';

CREATE TRIGGER scans_master_set_updated_at
BEFORE UPDATE ON public.scans_master
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.scans_master ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.scans_master TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.scans_master TO authenticated;
GRANT ALL ON public.scans_master TO service_role;

COMMIT;
