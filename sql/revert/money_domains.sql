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

CREATE TRIGGER order_items_gst_rate_matches_slab
BEFORE INSERT OR UPDATE OF order_id, hsn_code, gst_rate ON public.order_items
FOR EACH ROW EXECUTE FUNCTION public.order_items_gst_rate_matches_slab();
CREATE TRIGGER refunds_within_item_total
BEFORE INSERT OR UPDATE OF order_item_id, amount, status ON public.refunds
FOR EACH ROW EXECUTE FUNCTION public.refunds_within_item_total();

DROP DOMAIN public.percent_rate;
DROP DOMAIN public.inr;

COMMIT;
