-- Deploy onemedi:lab_pricing to pg
-- requires: lab_tests
-- requires: vendor_locations
-- requires: set_updated_at

BEGIN;

CREATE TABLE public.lab_pricing (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    test_id uuid NOT NULL REFERENCES public.lab_tests (id) ON DELETE RESTRICT,
    vendor_id uuid NOT NULL,
    branch_id uuid NOT NULL,
    price numeric(12, 2) NOT NULL,
    mrp numeric(12, 2) NOT NULL,
    nabl_accredited boolean NOT NULL DEFAULT FALSE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lab_pricing_branch_of_vendor
    FOREIGN KEY (vendor_id, branch_id)
    REFERENCES public.vendor_locations (vendor_id, id) ON DELETE CASCADE,
    CONSTRAINT lab_pricing_one_row_per_branch UNIQUE (test_id, branch_id),
    CONSTRAINT lab_pricing_price_not_negative CHECK (price >= 0),
    CONSTRAINT lab_pricing_price_within_mrp CHECK (price <= mrp)
);

COMMENT ON TABLE public.lab_pricing IS
'Rate of a lab test at one branch of a vendor; one row per lab test and branch.';
COMMENT ON COLUMN public.lab_pricing.vendor_id IS
'Owning vendor (what RLS checks); with branch_id a foreign key to vendor_locations, so the '
'branch always belongs to this vendor.';
COMMENT ON COLUMN public.lab_pricing.branch_id IS
'The centre (vendor_locations.id) where the lab test is done at this rate.';
COMMENT ON COLUMN public.lab_pricing.price IS
'Price charged in rupees; never above the MRP.';
COMMENT ON COLUMN public.lab_pricing.mrp IS
'List price in rupees shown struck through; the ceiling of price.';
COMMENT ON COLUMN public.lab_pricing.nabl_accredited IS
'True when this branch is NABL-accredited for this test (accreditation is per test at a lab).';
COMMENT ON CONSTRAINT lab_pricing_branch_of_vendor ON public.lab_pricing IS
'Refuses a branch that does not exist or belongs to another vendor.';
COMMENT ON CONSTRAINT lab_pricing_one_row_per_branch ON public.lab_pricing IS
'Refuses a second rate for the same lab test at the same branch.';
COMMENT ON CONSTRAINT lab_pricing_price_not_negative ON public.lab_pricing IS
'Refuses a negative price.';
COMMENT ON CONSTRAINT lab_pricing_price_within_mrp ON public.lab_pricing IS
'Refuses a price above the MRP (with lab_pricing_price_not_negative it also keeps the MRP '
'from being negative).';

CREATE INDEX lab_pricing_vendor_id_branch_id_idx
ON public.lab_pricing (vendor_id, branch_id);

CREATE TRIGGER lab_pricing_set_updated_at
BEFORE UPDATE ON public.lab_pricing
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.lab_pricing ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.lab_pricing TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.lab_pricing TO authenticated;
GRANT ALL ON public.lab_pricing TO service_role;

COMMIT;
