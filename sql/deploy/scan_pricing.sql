-- Deploy onemedi:scan_pricing to pg
-- requires: scans_master
-- requires: vendor_locations
-- requires: set_updated_at

BEGIN;

CREATE TABLE public.scan_pricing (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    scan_id uuid NOT NULL REFERENCES public.scans_master (id) ON DELETE RESTRICT,
    vendor_id uuid NOT NULL,
    branch_id uuid NOT NULL,
    price numeric(12, 2) NOT NULL,
    mrp numeric(12, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT scan_pricing_branch_of_vendor
    FOREIGN KEY (vendor_id, branch_id)
    REFERENCES public.vendor_locations (vendor_id, id) ON DELETE CASCADE,
    CONSTRAINT scan_pricing_one_row_per_branch UNIQUE (scan_id, branch_id),
    CONSTRAINT scan_pricing_price_not_negative CHECK (price >= 0),
    CONSTRAINT scan_pricing_price_within_mrp CHECK (price <= mrp)
);

COMMENT ON TABLE public.scan_pricing IS
'Rate of a scan at one branch of a vendor; one row per scan and branch.';
COMMENT ON COLUMN public.scan_pricing.vendor_id IS
'Owning vendor (what RLS checks); with branch_id a foreign key to vendor_locations, so the '
'branch always belongs to this vendor.';
COMMENT ON COLUMN public.scan_pricing.branch_id IS
'The centre (vendor_locations.id) where the scan is done at this rate.';
COMMENT ON COLUMN public.scan_pricing.price IS
'Price charged in rupees; never above the MRP.';
COMMENT ON COLUMN public.scan_pricing.mrp IS
'List price in rupees shown struck through; the ceiling of price.';
COMMENT ON CONSTRAINT scan_pricing_branch_of_vendor ON public.scan_pricing IS
'Refuses a branch that does not exist or belongs to another vendor.';
COMMENT ON CONSTRAINT scan_pricing_one_row_per_branch ON public.scan_pricing IS
'Refuses a second rate for the same scan at the same branch.';
COMMENT ON CONSTRAINT scan_pricing_price_not_negative ON public.scan_pricing IS
'Refuses a negative price.';
COMMENT ON CONSTRAINT scan_pricing_price_within_mrp ON public.scan_pricing IS
'Refuses a price above the MRP (with scan_pricing_price_not_negative it also keeps the MRP '
'from being negative).';

CREATE INDEX scan_pricing_vendor_id_branch_id_idx
ON public.scan_pricing (vendor_id, branch_id);

CREATE TRIGGER scan_pricing_set_updated_at
BEFORE UPDATE ON public.scan_pricing
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.scan_pricing ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.scan_pricing TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.scan_pricing TO authenticated;
GRANT ALL ON public.scan_pricing TO service_role;

COMMIT;
