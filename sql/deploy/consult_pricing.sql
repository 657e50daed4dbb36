-- Deploy onemedi:consult_pricing to pg
-- requires: doctors
-- requires: vendor_locations
-- requires: set_updated_at
-- requires: security_helpers
-- The fee of a doctor's consultation at a hospital or clinic branch (the implied price list
-- of DOCTOR_CONSULT catalog items), with its row level security policies.

BEGIN;

CREATE TABLE public.consult_pricing (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    doctor_id uuid NOT NULL REFERENCES public.doctors (id) ON DELETE RESTRICT,
    vendor_id uuid NOT NULL,
    branch_id uuid NOT NULL,
    price numeric(12, 2) NOT NULL,
    mrp numeric(12, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT consult_pricing_branch_of_vendor
    FOREIGN KEY (vendor_id, branch_id)
    REFERENCES public.vendor_locations (vendor_id, id) ON DELETE CASCADE,
    CONSTRAINT consult_pricing_one_row_per_branch UNIQUE (doctor_id, branch_id),
    CONSTRAINT consult_pricing_price_not_negative CHECK (price >= 0),
    CONSTRAINT consult_pricing_price_within_mrp CHECK (price <= mrp)
);

COMMENT ON TABLE public.consult_pricing IS
'Consultation fee of a doctor at one branch of a hospital or clinic (the vendor); one row '
'per doctor and branch. place_order prices a DOCTOR_CONSULT cart line from it.';
COMMENT ON COLUMN public.consult_pricing.doctor_id IS
'The consulting doctor (the DOCTOR_CONSULT catalog row''s ref_id); RESTRICT keeps a priced '
'doctor from being deleted.';
COMMENT ON COLUMN public.consult_pricing.vendor_id IS
'The hospital or clinic that sells the consultation and invoices it (what RLS checks); with '
'branch_id a foreign key to vendor_locations, so the branch always belongs to this vendor.';
COMMENT ON COLUMN public.consult_pricing.branch_id IS
'The branch (vendor_locations.id) where the doctor consults at this fee; its state is the '
'supplier''s state for GST. A teleconsultation is priced at the branch that sells it.';
COMMENT ON COLUMN public.consult_pricing.price IS
'Fee charged in rupees per consultation; never above the MRP.';
COMMENT ON COLUMN public.consult_pricing.mrp IS
'List fee in rupees shown struck through; the ceiling of price.';
COMMENT ON CONSTRAINT consult_pricing_branch_of_vendor ON public.consult_pricing IS
'Refuses a branch that does not exist or belongs to another vendor.';
COMMENT ON CONSTRAINT consult_pricing_one_row_per_branch ON public.consult_pricing IS
'Refuses a second fee for the same doctor at the same branch.';
COMMENT ON CONSTRAINT consult_pricing_price_not_negative ON public.consult_pricing IS
'Refuses a negative fee.';
COMMENT ON CONSTRAINT consult_pricing_price_within_mrp ON public.consult_pricing IS
'Refuses a fee above the MRP (with consult_pricing_price_not_negative it also keeps the MRP '
'from being negative).';

CREATE INDEX consult_pricing_vendor_id_branch_id_idx
ON public.consult_pricing (vendor_id, branch_id);

CREATE TRIGGER consult_pricing_set_updated_at
BEFORE UPDATE ON public.consult_pricing
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.consult_pricing ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.consult_pricing TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.consult_pricing TO authenticated;
GRANT ALL ON public.consult_pricing TO service_role;

CREATE POLICY "anyone reads consultation fees"
ON public.consult_pricing
FOR SELECT
TO anon, authenticated
USING (
    TRUE
);

CREATE POLICY "vendor staff and admins add consultation fees"
ON public.consult_pricing
FOR INSERT
TO authenticated
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins change consultation fees"
ON public.consult_pricing
FOR UPDATE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
)
WITH CHECK (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "vendor staff and admins remove consultation fees"
ON public.consult_pricing
FOR DELETE
TO authenticated
USING (
    vendor_id IN (SELECT public.writable_vendor_ids())
    OR (SELECT public.is_admin())
);

COMMIT;
