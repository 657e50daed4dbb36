-- Deploy onemedi:vendor_kyc to pg
-- Compliance records of a vendor: a GSTIN per state registration, a drug licence per
-- premises, the scan of the licence in the vendor-compliance bucket, and its verification.

BEGIN;

CREATE TABLE public.vendor_kyc (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE RESTRICT,
    branch_id uuid,
    gstin text,
    dl_number text,
    license_url text,
    verified_at timestamptz,
    verified_by uuid REFERENCES public.profiles (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vendor_kyc_vendor_id_gstin_key UNIQUE (vendor_id, gstin),
    CONSTRAINT vendor_kyc_branch_of_same_vendor FOREIGN KEY (vendor_id, branch_id)
    REFERENCES public.vendor_locations (vendor_id, id) ON DELETE NO ACTION,
    CONSTRAINT vendor_kyc_gstin_is_valid CHECK (public.is_valid_gstin(gstin)),
    CONSTRAINT vendor_kyc_dl_number_not_blank CHECK (btrim(dl_number) <> ''),
    CONSTRAINT vendor_kyc_has_gstin_or_dl_number CHECK (
        gstin IS NOT NULL OR dl_number IS NOT NULL
    ),
    CONSTRAINT vendor_kyc_license_url_is_storage_path CHECK (
        license_url ~ '^[^/:\s][^:\s]*[^/\s]$'
    ),
    CONSTRAINT vendor_kyc_verified_by_only_when_verified CHECK (
        verified_by IS NULL OR verified_at IS NOT NULL
    )
);

CREATE INDEX vendor_kyc_vendor_id_branch_id_idx ON public.vendor_kyc (vendor_id, branch_id);
CREATE INDEX vendor_kyc_verified_by_idx ON public.vendor_kyc (verified_by);

CREATE TRIGGER vendor_kyc_set_updated_at
BEFORE UPDATE ON public.vendor_kyc
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.vendor_kyc ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.vendor_kyc IS
'KYC and licensing records of a vendor (GSTIN, drug licence, licence scan), kept for '
'compliance: a vendor with KYC records cannot be deleted.';
COMMENT ON COLUMN public.vendor_kyc.branch_id IS
'The premises a drug licence is issued for (one of the vendor''s branches); NULL when the '
'record is vendor-wide (a GSTIN alone).';
COMMENT ON COLUMN public.vendor_kyc.gstin IS
'GST identification number (15 characters, upper case, valid check character); NULL for '
'an unregistered vendor (health care services are exempt).';
COMMENT ON COLUMN public.vendor_kyc.dl_number IS
'Drug licence number (forms 20/21, per premises); free text, as states use no common format.';
COMMENT ON COLUMN public.vendor_kyc.license_url IS
'Path of the licence or GST certificate scan inside the vendor-compliance storage bucket '
'(e.g. <vendor_id>/drug-licence.pdf), not a public URL.';
COMMENT ON COLUMN public.vendor_kyc.verified_at IS
'When an admin verified the record; NULL while pending.';
COMMENT ON COLUMN public.vendor_kyc.verified_by IS 'The admin profile that verified it.';
COMMENT ON CONSTRAINT vendor_kyc_branch_of_same_vendor ON public.vendor_kyc IS
'Refuses a branch that is not one of this vendor''s; a licensed branch cannot be deleted.';
COMMENT ON CONSTRAINT vendor_kyc_gstin_is_valid ON public.vendor_kyc IS
'Refuses a GSTIN that is malformed (length, state code, PAN shape, lower case) or whose '
'check character is wrong.';
COMMENT ON CONSTRAINT vendor_kyc_dl_number_not_blank ON public.vendor_kyc IS
'Refuses an empty or all-blank drug licence number (leave it NULL instead).';
COMMENT ON CONSTRAINT vendor_kyc_has_gstin_or_dl_number ON public.vendor_kyc IS
'Refuses a KYC record with neither a GSTIN nor a drug licence number.';
COMMENT ON CONSTRAINT vendor_kyc_license_url_is_storage_path ON public.vendor_kyc IS
'Refuses a licence location that is a URL (has a colon), starts or ends with a slash, or '
'contains whitespace: it must be a path inside the vendor-compliance bucket.';
COMMENT ON CONSTRAINT vendor_kyc_verified_by_only_when_verified ON public.vendor_kyc IS
'Refuses a verifier on a record that has no verification time.';

GRANT SELECT, INSERT, UPDATE ON public.vendor_kyc TO authenticated;
GRANT ALL ON public.vendor_kyc TO service_role;

COMMIT;
