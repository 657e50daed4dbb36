-- Deploy onemedi:medicine_inventory to pg
-- requires: medicine_master
-- requires: vendor_locations
-- requires: set_updated_at

BEGIN;

CREATE TABLE public.medicine_inventory (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    medicine_id uuid NOT NULL REFERENCES public.medicine_master (id) ON DELETE RESTRICT,
    vendor_id uuid NOT NULL,
    branch_id uuid NOT NULL,
    stock_qty integer NOT NULL DEFAULT 0,
    price numeric(12, 2) NOT NULL,
    mrp numeric(12, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT medicine_inventory_branch_of_vendor
    FOREIGN KEY (vendor_id, branch_id)
    REFERENCES public.vendor_locations (vendor_id, id) ON DELETE CASCADE,
    CONSTRAINT medicine_inventory_one_row_per_branch UNIQUE (medicine_id, branch_id),
    CONSTRAINT medicine_inventory_stock_not_negative CHECK (stock_qty >= 0),
    CONSTRAINT medicine_inventory_price_not_negative CHECK (price >= 0),
    CONSTRAINT medicine_inventory_price_within_mrp CHECK (price <= mrp)
);

COMMENT ON TABLE public.medicine_inventory IS
'Stock and selling price of a medicine at one pharmacy branch; one row per medicine and '
'branch, always on the current version of the medicine (publishing a version moves it).';
COMMENT ON COLUMN public.medicine_inventory.vendor_id IS
'Owning vendor (what RLS checks); with branch_id a foreign key to vendor_locations, so the '
'branch always belongs to this vendor.';
COMMENT ON COLUMN public.medicine_inventory.branch_id IS
'The pharmacy branch (vendor_locations.id) holding the stock.';
COMMENT ON COLUMN public.medicine_inventory.stock_qty IS
'Units (packs) in stock now.';
COMMENT ON COLUMN public.medicine_inventory.price IS
'Selling price per pack in rupees, GST inclusive as printed; never above the MRP.';
COMMENT ON COLUMN public.medicine_inventory.mrp IS
'Maximum retail price per pack printed on it (Legal Metrology rules): the ceiling of price.';
COMMENT ON CONSTRAINT medicine_inventory_branch_of_vendor ON public.medicine_inventory IS
'Refuses a branch that does not exist or belongs to another vendor.';
COMMENT ON CONSTRAINT medicine_inventory_one_row_per_branch ON public.medicine_inventory IS
'Refuses a second stock row for the same medicine at the same branch.';
COMMENT ON CONSTRAINT medicine_inventory_stock_not_negative ON public.medicine_inventory IS
'Refuses negative stock (an order cannot take more than is on the shelf).';
COMMENT ON CONSTRAINT medicine_inventory_price_not_negative ON public.medicine_inventory IS
'Refuses a negative price.';
COMMENT ON CONSTRAINT medicine_inventory_price_within_mrp ON public.medicine_inventory IS
'Refuses a selling price above the MRP (illegal in India); with the price not negative, '
'the MRP cannot be negative either.';

CREATE INDEX medicine_inventory_vendor_id_branch_id_idx
ON public.medicine_inventory (vendor_id, branch_id);

CREATE TRIGGER medicine_inventory_set_updated_at
BEFORE UPDATE ON public.medicine_inventory
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.medicine_inventory ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.medicine_inventory TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.medicine_inventory TO authenticated;
GRANT ALL ON public.medicine_inventory TO service_role;

COMMIT;
