-- Revert onemedi:money_domains from pg

BEGIN;

DROP TRIGGER order_items_gst_rate_matches_slab ON public.order_items;
DROP TRIGGER refunds_within_item_total ON public.refunds;

ALTER TABLE public.medicine_inventory
ALTER COLUMN price TYPE numeric(12, 2),
ALTER COLUMN mrp TYPE numeric(12, 2);
ALTER TABLE public.lab_pricing
ALTER COLUMN price TYPE numeric(12, 2),
ALTER COLUMN mrp TYPE numeric(12, 2);
ALTER TABLE public.scan_pricing
ALTER COLUMN price TYPE numeric(12, 2),
ALTER COLUMN mrp TYPE numeric(12, 2);
ALTER TABLE public.consult_pricing
ALTER COLUMN price TYPE numeric(12, 2),
ALTER COLUMN mrp TYPE numeric(12, 2);
ALTER TABLE public.service_pricing
ALTER COLUMN base_price TYPE numeric(12, 2),
ALTER COLUMN variable_price TYPE numeric(12, 2);
ALTER TABLE public.coupons
ALTER COLUMN value TYPE numeric(12, 2);
ALTER TABLE public.orders
ALTER COLUMN gross_amount TYPE numeric(12, 2),
ALTER COLUMN discount_amount TYPE numeric(12, 2),
ALTER COLUMN tax_amount TYPE numeric(12, 2),
ALTER COLUMN net_amount TYPE numeric(12, 2);
ALTER TABLE public.order_items
ALTER COLUMN unit_price TYPE numeric(12, 2),
ALTER COLUMN discount_amount TYPE numeric(12, 2),
ALTER COLUMN taxable_value TYPE numeric(12, 2),
ALTER COLUMN cgst TYPE numeric(12, 2),
ALTER COLUMN sgst TYPE numeric(12, 2),
ALTER COLUMN utgst TYPE numeric(12, 2),
ALTER COLUMN igst TYPE numeric(12, 2),
ALTER COLUMN gst_rate TYPE numeric(5, 2);
ALTER TABLE public.refunds
ALTER COLUMN amount TYPE numeric(12, 2);
ALTER TABLE public.vendor_payouts
ALTER COLUMN gross TYPE numeric(12, 2),
ALTER COLUMN commission TYPE numeric(12, 2),
ALTER COLUMN tcs TYPE numeric(12, 2),
ALTER COLUMN net TYPE numeric(12, 2);
ALTER TABLE public.tax_slabs
ALTER COLUMN cgst TYPE numeric(5, 2),
ALTER COLUMN sgst TYPE numeric(5, 2),
ALTER COLUMN igst TYPE numeric(5, 2);
ALTER TABLE public.vendors
ALTER COLUMN commission_rate TYPE numeric(5, 2);

-- Changing a column's type back rebuilds its CHECKs from their text as stored while the
-- column was a domain, casts to numeric written in: each is put back as 1.0.0 wrote it, so
-- the schema is exactly as before.
ALTER TABLE public.consult_pricing
DROP CONSTRAINT consult_pricing_price_not_negative,
ADD CONSTRAINT consult_pricing_price_not_negative CHECK ((price >= (0)::numeric)),
DROP CONSTRAINT consult_pricing_price_within_mrp,
ADD CONSTRAINT consult_pricing_price_within_mrp CHECK ((price <= mrp));
ALTER TABLE public.coupons
DROP CONSTRAINT coupons_flat_value_positive,
ADD CONSTRAINT coupons_flat_value_positive CHECK (
    ((discount_type <> 'FLAT'::public.discount_type) OR (value > (0)::numeric))
),
DROP CONSTRAINT coupons_percent_value_in_range,
ADD CONSTRAINT coupons_percent_value_in_range CHECK (
    (
        (discount_type <> 'PERCENT'::public.discount_type)
        OR ((value > (0)::numeric) AND (value <= (100)::numeric))
    )
);
ALTER TABLE public.lab_pricing
DROP CONSTRAINT lab_pricing_price_not_negative,
ADD CONSTRAINT lab_pricing_price_not_negative CHECK ((price >= (0)::numeric)),
DROP CONSTRAINT lab_pricing_price_within_mrp,
ADD CONSTRAINT lab_pricing_price_within_mrp CHECK ((price <= mrp));
ALTER TABLE public.medicine_inventory
DROP CONSTRAINT medicine_inventory_price_not_negative,
ADD CONSTRAINT medicine_inventory_price_not_negative CHECK ((price >= (0)::numeric)),
DROP CONSTRAINT medicine_inventory_price_within_mrp,
ADD CONSTRAINT medicine_inventory_price_within_mrp CHECK ((price <= mrp));
ALTER TABLE public.order_items
DROP CONSTRAINT order_items_gst_rate_in_range,
ADD CONSTRAINT order_items_gst_rate_in_range CHECK (
    ((gst_rate >= (0)::numeric) AND (gst_rate <= (100)::numeric))
),
DROP CONSTRAINT order_items_igst_apart_from_cgst_sgst_utgst,
ADD CONSTRAINT order_items_igst_apart_from_cgst_sgst_utgst CHECK (
    (
        (igst = (0)::numeric)
        OR ((cgst = (0)::numeric) AND (sgst = (0)::numeric) AND (utgst = (0)::numeric))
    )
),
DROP CONSTRAINT order_items_money_non_negative,
ADD CONSTRAINT order_items_money_non_negative CHECK (
    (
        (unit_price >= (0)::numeric)
        AND (discount_amount >= (0)::numeric)
        AND (taxable_value >= (0)::numeric)
        AND (cgst >= (0)::numeric)
        AND (sgst >= (0)::numeric)
        AND (utgst >= (0)::numeric)
        AND (igst >= (0)::numeric)
    )
),
DROP CONSTRAINT order_items_sgst_apart_from_utgst,
ADD CONSTRAINT order_items_sgst_apart_from_utgst CHECK (
    ((sgst = (0)::numeric) OR (utgst = (0)::numeric))
),
DROP CONSTRAINT order_items_tax_amounts_match_rate,
ADD CONSTRAINT order_items_tax_amounts_match_rate CHECK (
    (
        (
            (igst = (0)::numeric)
            AND (cgst = round(((taxable_value * gst_rate) / (200)::numeric), 2))
            AND ((sgst + utgst) = cgst)
        )
        OR (
            (cgst = (0)::numeric)
            AND (sgst = (0)::numeric)
            AND (utgst = (0)::numeric)
            AND (igst = round(((taxable_value * gst_rate) / (100)::numeric), 2))
        )
    )
),
DROP CONSTRAINT order_items_taxable_value_is_price_less_discount,
ADD CONSTRAINT order_items_taxable_value_is_price_less_discount CHECK (
    (taxable_value = (((qty)::numeric * unit_price) - discount_amount))
);
ALTER TABLE public.orders
DROP CONSTRAINT orders_amounts_non_negative,
ADD CONSTRAINT orders_amounts_non_negative CHECK (
    (
        (gross_amount >= (0)::numeric)
        AND (discount_amount >= (0)::numeric)
        AND (tax_amount >= (0)::numeric)
        AND (net_amount >= (0)::numeric)
    )
),
DROP CONSTRAINT orders_discount_within_gross,
ADD CONSTRAINT orders_discount_within_gross CHECK ((discount_amount <= gross_amount)),
DROP CONSTRAINT orders_net_is_gross_less_discount_plus_tax,
ADD CONSTRAINT orders_net_is_gross_less_discount_plus_tax CHECK (
    (net_amount = ((gross_amount - discount_amount) + tax_amount))
);
ALTER TABLE public.refunds
DROP CONSTRAINT refunds_amount_positive,
ADD CONSTRAINT refunds_amount_positive CHECK ((amount > (0)::numeric));
ALTER TABLE public.scan_pricing
DROP CONSTRAINT scan_pricing_price_not_negative,
ADD CONSTRAINT scan_pricing_price_not_negative CHECK ((price >= (0)::numeric)),
DROP CONSTRAINT scan_pricing_price_within_mrp,
ADD CONSTRAINT scan_pricing_price_within_mrp CHECK ((price <= mrp));
ALTER TABLE public.service_pricing
DROP CONSTRAINT service_pricing_base_price_not_negative,
ADD CONSTRAINT service_pricing_base_price_not_negative CHECK ((base_price >= (0)::numeric)),
DROP CONSTRAINT service_pricing_variable_price_not_negative,
ADD CONSTRAINT service_pricing_variable_price_not_negative CHECK ((variable_price >= (0)::numeric));
ALTER TABLE public.tax_slabs
DROP CONSTRAINT tax_slabs_cgst_equals_sgst,
ADD CONSTRAINT tax_slabs_cgst_equals_sgst CHECK ((cgst = sgst)),
DROP CONSTRAINT tax_slabs_igst_is_cgst_plus_sgst,
ADD CONSTRAINT tax_slabs_igst_is_cgst_plus_sgst CHECK ((igst = (cgst + sgst))),
DROP CONSTRAINT tax_slabs_rates_in_range,
ADD CONSTRAINT tax_slabs_rates_in_range CHECK (
    (
        (cgst >= (0)::numeric)
        AND (sgst >= (0)::numeric)
        AND (igst >= (0)::numeric)
        AND (igst <= (100)::numeric)
    )
);
ALTER TABLE public.vendor_payouts
DROP CONSTRAINT vendor_payouts_amounts_non_negative,
ADD CONSTRAINT vendor_payouts_amounts_non_negative CHECK (
    (
        (gross >= (0)::numeric)
        AND (commission >= (0)::numeric)
        AND (tcs >= (0)::numeric)
        AND (net >= (0)::numeric)
    )
),
DROP CONSTRAINT vendor_payouts_net_is_gross_less_commission_and_tcs,
ADD CONSTRAINT vendor_payouts_net_is_gross_less_commission_and_tcs CHECK (
    (net = ((gross - commission) - tcs))
);
ALTER TABLE public.vendors
DROP CONSTRAINT vendors_commission_rate_is_percentage,
ADD CONSTRAINT vendors_commission_rate_is_percentage CHECK (
    ((commission_rate >= (0)::numeric) AND (commission_rate <= (100)::numeric))
);

-- Their comments went with them.
COMMENT ON CONSTRAINT consult_pricing_price_not_negative ON public.consult_pricing IS
'Refuses a negative fee.';
COMMENT ON CONSTRAINT consult_pricing_price_within_mrp ON public.consult_pricing IS
'Refuses a fee above the MRP (with consult_pricing_price_not_negative it also keeps the '
'MRP from being negative).';
COMMENT ON CONSTRAINT coupons_flat_value_positive ON public.coupons IS
'Refuses a FLAT coupon whose amount is not above 0.';
COMMENT ON CONSTRAINT coupons_percent_value_in_range ON public.coupons IS
'Refuses a PERCENT coupon whose value is not above 0 and at most 100.';
COMMENT ON CONSTRAINT lab_pricing_price_not_negative ON public.lab_pricing IS
'Refuses a negative price.';
COMMENT ON CONSTRAINT lab_pricing_price_within_mrp ON public.lab_pricing IS
'Refuses a price above the MRP (with lab_pricing_price_not_negative it also keeps the '
'MRP from being negative).';
COMMENT ON CONSTRAINT medicine_inventory_price_not_negative ON public.medicine_inventory IS
'Refuses a negative price.';
COMMENT ON CONSTRAINT medicine_inventory_price_within_mrp ON public.medicine_inventory IS
'Refuses a selling price above the MRP (illegal in India); with the price not negative, '
'the MRP cannot be negative either.';
COMMENT ON CONSTRAINT order_items_gst_rate_in_range ON public.order_items IS
'Refuses a GST rate below 0 or above 100 percent.';
COMMENT ON CONSTRAINT order_items_igst_apart_from_cgst_sgst_utgst ON public.order_items IS
'Refuses a line charging IGST together with CGST, SGST or UTGST: a supply is either '
'inter-state (IGST only) or intra-state (CGST + SGST or UTGST).';
COMMENT ON CONSTRAINT order_items_money_non_negative ON public.order_items IS
'Refuses a negative price, discount, taxable value or tax amount.';
COMMENT ON CONSTRAINT order_items_sgst_apart_from_utgst ON public.order_items IS
'Refuses a line charging both SGST and UTGST: a place of supply is a state or a UT.';
COMMENT ON CONSTRAINT order_items_tax_amounts_match_rate ON public.order_items IS
'Refuses tax amounts that are not the rate applied to the taxable value, rounded to the '
'paisa: half the rate each for CGST and SGST/UTGST, the whole rate for IGST.';
COMMENT ON CONSTRAINT order_items_taxable_value_is_price_less_discount ON public.order_items IS
'Refuses a taxable value other than qty * unit_price - discount_amount.';
COMMENT ON CONSTRAINT orders_amounts_non_negative ON public.orders IS
'Refuses a negative gross, discount, tax or net amount.';
COMMENT ON CONSTRAINT orders_discount_within_gross ON public.orders IS
'Refuses a discount larger than the gross amount.';
COMMENT ON CONSTRAINT orders_net_is_gross_less_discount_plus_tax ON public.orders IS
'Refuses a net amount other than gross - discount + tax.';
COMMENT ON CONSTRAINT refunds_amount_positive ON public.refunds IS
'Refuses a refund of zero or less.';
COMMENT ON CONSTRAINT scan_pricing_price_not_negative ON public.scan_pricing IS
'Refuses a negative price.';
COMMENT ON CONSTRAINT scan_pricing_price_within_mrp ON public.scan_pricing IS
'Refuses a price above the MRP (with scan_pricing_price_not_negative it also keeps the '
'MRP from being negative).';
COMMENT ON CONSTRAINT service_pricing_base_price_not_negative ON public.service_pricing IS
'Refuses a negative base price.';
COMMENT ON CONSTRAINT service_pricing_variable_price_not_negative ON public.service_pricing IS
'Refuses a negative per-unit price.';
COMMENT ON CONSTRAINT tax_slabs_cgst_equals_sgst ON public.tax_slabs IS
'Refuses a slab whose central and state halves differ: GST splits the rate equally.';
COMMENT ON CONSTRAINT tax_slabs_igst_is_cgst_plus_sgst ON public.tax_slabs IS
'Refuses a slab whose integrated rate is not the sum of its central and state rates.';
COMMENT ON CONSTRAINT tax_slabs_rates_in_range ON public.tax_slabs IS
'Refuses a negative rate or a total (IGST) rate above 100 percent.';
COMMENT ON CONSTRAINT vendor_payouts_amounts_non_negative ON public.vendor_payouts IS
'Refuses a negative gross, commission, TCS or net.';
COMMENT ON CONSTRAINT vendor_payouts_net_is_gross_less_commission_and_tcs
ON public.vendor_payouts IS
'Refuses a net other than gross - commission - tcs.';
COMMENT ON CONSTRAINT vendors_commission_rate_is_percentage ON public.vendors IS
'Refuses a commission rate below 0 % or above 100 %.';

CREATE TRIGGER order_items_gst_rate_matches_slab
BEFORE INSERT OR UPDATE OF order_id, hsn_code, gst_rate ON public.order_items
FOR EACH ROW EXECUTE FUNCTION public.order_items_gst_rate_matches_slab();
CREATE TRIGGER refunds_within_item_total
BEFORE INSERT OR UPDATE OF order_item_id, amount, status ON public.refunds
FOR EACH ROW EXECUTE FUNCTION public.refunds_within_item_total();

DROP DOMAIN public.percent_rate;
DROP DOMAIN public.inr;

COMMIT;
