-- Deploy onemedi:order_items to pg
-- The lines of an order: what was bought from which vendor, at what price, with its GST
-- split and a frozen snapshot of the catalogue entry.

BEGIN;

CREATE TABLE public.order_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES public.orders (id) ON DELETE RESTRICT,
    service_catalog_id uuid NOT NULL
    REFERENCES public.service_catalog (id) ON DELETE RESTRICT,
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE RESTRICT,
    qty integer NOT NULL,
    unit_price numeric(12, 2) NOT NULL,
    discount_amount numeric(12, 2) NOT NULL DEFAULT 0,
    taxable_value numeric(12, 2) NOT NULL,
    hsn_code text NOT NULL,
    gst_rate numeric(5, 2) NOT NULL,
    cgst numeric(12, 2) NOT NULL DEFAULT 0,
    sgst numeric(12, 2) NOT NULL DEFAULT 0,
    utgst numeric(12, 2) NOT NULL DEFAULT 0,
    igst numeric(12, 2) NOT NULL DEFAULT 0,
    service_snapshot jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_items_qty_positive CHECK (qty > 0),
    CONSTRAINT order_items_money_non_negative CHECK (
        unit_price >= 0 AND discount_amount >= 0 AND taxable_value >= 0
        AND cgst >= 0 AND sgst >= 0 AND utgst >= 0 AND igst >= 0
    ),
    CONSTRAINT order_items_taxable_value_is_price_less_discount CHECK (
        taxable_value = qty * unit_price - discount_amount
    ),
    CONSTRAINT order_items_hsn_code_is_hsn_or_sac CHECK (
        hsn_code ~ '^99[0-9]{2}([0-9]{2})?$'
        OR hsn_code ~ '^(0[1-9]|[1-8][0-9]|9[0-8])[0-9]{2}([0-9]{2}){0,2}$'
    ),
    CONSTRAINT order_items_gst_rate_in_range CHECK (gst_rate >= 0 AND gst_rate <= 100),
    CONSTRAINT order_items_igst_apart_from_cgst_sgst_utgst CHECK (
        igst = 0 OR (cgst = 0 AND sgst = 0 AND utgst = 0)
    ),
    CONSTRAINT order_items_sgst_apart_from_utgst CHECK (sgst = 0 OR utgst = 0),
    CONSTRAINT order_items_tax_amounts_match_rate CHECK (
        (
            igst = 0
            AND cgst = round(taxable_value * gst_rate / 200, 2)
            AND sgst + utgst = cgst
        )
        OR (
            cgst = 0 AND sgst = 0 AND utgst = 0
            AND igst = round(taxable_value * gst_rate / 100, 2)
        )
    ),
    CONSTRAINT order_items_service_snapshot_complete CHECK (
        jsonb_typeof(service_snapshot) = 'object'
        AND service_snapshot ?& ARRAY['name', 'service_type', 'version', 'vendor_id', 'price']
    ),
    CONSTRAINT order_items_snapshot_vendor_matches CHECK (
        (service_snapshot ->> 'vendor_id') = vendor_id::text
    )
);

CREATE INDEX order_items_order_id_idx ON public.order_items (order_id);
CREATE INDEX order_items_service_catalog_id_idx ON public.order_items (service_catalog_id);
CREATE INDEX order_items_vendor_id_created_at_idx ON public.order_items (
    vendor_id, created_at DESC
) INCLUDE (order_id);

CREATE FUNCTION public.order_items_gst_rate_matches_slab()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_on date;
    v_slab public.tax_slabs;
BEGIN
    SELECT (o.created_at AT TIME ZONE 'Asia/Kolkata')::date INTO v_on
    FROM public.orders AS o
    WHERE o.id = NEW.order_id;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key reports the missing order
    END IF;
    v_slab := public.tax_slab_for(NEW.hsn_code, v_on);
    IF NEW.gst_rate <> v_slab.igst THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'order item GST rate %s%% does not match the %s%% slab of HSN/SAC %s on %s',
                NEW.gst_rate, v_slab.igst, NEW.hsn_code, v_on
            ),
            HINT = 'Take gst_rate from public.tax_slab_for(hsn_code, order date).';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.order_items_gst_rate_matches_slab() IS
'BEFORE INSERT OR UPDATE trigger of order_items: raises 23514 when gst_rate is not the '
'total (IGST) rate of tax_slab_for(hsn_code, order date in India); passes on tax_slab_for''s '
'P0002 when no slab is in force for the code on that date.';

REVOKE EXECUTE ON FUNCTION public.order_items_gst_rate_matches_slab() FROM public;

CREATE TRIGGER order_items_gst_rate_matches_slab
BEFORE INSERT OR UPDATE OF order_id, hsn_code, gst_rate ON public.order_items
FOR EACH ROW EXECUTE FUNCTION public.order_items_gst_rate_matches_slab();

CREATE TRIGGER order_items_set_updated_at
BEFORE UPDATE ON public.order_items
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.order_items ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.order_items IS
'A line of an order: one catalogue item from one vendor, priced and taxed as sold, with a '
'snapshot of the item so history survives later catalogue changes.';
COMMENT ON COLUMN public.order_items.vendor_id IS 'The vendor that supplies and invoices the line.';
COMMENT ON COLUMN public.order_items.unit_price IS
'Price of one unit before discount and GST, in rupees.';
COMMENT ON COLUMN public.order_items.discount_amount IS
'This line''s share of the order''s discount, taken off before tax.';
COMMENT ON COLUMN public.order_items.taxable_value IS
'qty * unit_price - discount_amount: the value GST is computed on.';
COMMENT ON COLUMN public.order_items.hsn_code IS
'HSN (goods) or SAC (services) code of the line, as on the invoice.';
COMMENT ON COLUMN public.order_items.gst_rate IS
'Total GST rate in percent on the order date (tax_slabs igst of the code).';
COMMENT ON COLUMN public.order_items.cgst IS
'Central tax in rupees on an intra-state line: round(taxable_value * gst_rate / 200, 2).';
COMMENT ON COLUMN public.order_items.sgst IS
'State tax in rupees on an intra-state line in a state or a UT with legislature; = cgst.';
COMMENT ON COLUMN public.order_items.utgst IS
'Union territory tax in rupees on an intra-state line in a UT without legislature; = cgst.';
COMMENT ON COLUMN public.order_items.igst IS
'Integrated tax in rupees on an inter-state line: round(taxable_value * gst_rate / 100, 2).';
COMMENT ON COLUMN public.order_items.service_snapshot IS
'The catalogue entry as sold: an object with at least name, service_type, version, '
'vendor_id and price.';
COMMENT ON INDEX public.order_items_vendor_id_created_at_idx IS
'A vendor''s lines newest first (lines are written with their order), carrying order_id; '
'also the index of the vendor_id foreign key.';
COMMENT ON CONSTRAINT order_items_qty_positive ON public.order_items IS
'Refuses a quantity of zero or less.';
COMMENT ON CONSTRAINT order_items_money_non_negative ON public.order_items IS
'Refuses a negative price, discount, taxable value or tax amount.';
COMMENT ON CONSTRAINT order_items_taxable_value_is_price_less_discount ON public.order_items IS
'Refuses a taxable value other than qty * unit_price - discount_amount.';
COMMENT ON CONSTRAINT order_items_hsn_code_is_hsn_or_sac ON public.order_items IS
'Refuses a code that is not an HSN code of 4, 6 or 8 digits or a SAC code of 4 or 6 '
'digits starting with 99.';
COMMENT ON CONSTRAINT order_items_gst_rate_in_range ON public.order_items IS
'Refuses a GST rate below 0 or above 100 percent.';
COMMENT ON CONSTRAINT order_items_igst_apart_from_cgst_sgst_utgst ON public.order_items IS
'Refuses a line charging IGST together with CGST, SGST or UTGST: a supply is either '
'inter-state (IGST only) or intra-state (CGST + SGST or UTGST).';
COMMENT ON CONSTRAINT order_items_sgst_apart_from_utgst ON public.order_items IS
'Refuses a line charging both SGST and UTGST: a place of supply is a state or a UT.';
COMMENT ON CONSTRAINT order_items_tax_amounts_match_rate ON public.order_items IS
'Refuses tax amounts that are not the rate applied to the taxable value, rounded to the '
'paisa: half the rate each for CGST and SGST/UTGST, the whole rate for IGST.';
COMMENT ON CONSTRAINT order_items_service_snapshot_complete ON public.order_items IS
'Refuses a snapshot that is not an object with name, service_type, version, vendor_id and '
'price.';
COMMENT ON CONSTRAINT order_items_snapshot_vendor_matches ON public.order_items IS
'Refuses a snapshot whose vendor_id is not the line''s vendor.';

GRANT SELECT, INSERT ON public.order_items TO authenticated;
GRANT ALL ON public.order_items TO service_role;

COMMIT;
