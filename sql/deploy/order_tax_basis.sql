-- Deploy onemedi:order_tax_basis to pg
-- requires: orders
-- requires: order_items
-- requires: place_order
-- requires: money_domains
-- MRP includes every tax (Legal Metrology (Packaged Commodities) Rules 2011, r.2(m)), so a
-- price charged to a patient is tax-inclusive: GST is computed out of it, never added to
-- it. Orders and lines say which basis their money is on: EXCLUSIVE for those sold by
-- 1.0.0 (tax added on top; history is kept as sold), INCLUSIVE for everything sold since.
-- The money CHECKs follow the basis; they are added NOT VALID (checkout_validate checks
-- the stored rows). A line also records the state it was supplied from, which decides
-- the GST registration that invoices it. The default stays EXCLUSIVE until change checkout
-- replaces the 1.0.0 place_order, which writes that basis.

BEGIN;

CREATE TYPE public.tax_basis AS ENUM ('EXCLUSIVE', 'INCLUSIVE');

COMMENT ON TYPE public.tax_basis IS
'How a price relates to GST: EXCLUSIVE, tax added on top of it (orders of 1.0.0); '
'INCLUSIVE, tax contained in it, as in an MRP (every order since).';

ALTER TABLE public.orders
ADD COLUMN tax_basis public.tax_basis NOT NULL DEFAULT 'EXCLUSIVE';
ALTER TABLE public.order_items
ADD COLUMN tax_basis public.tax_basis NOT NULL DEFAULT 'EXCLUSIVE',
ADD COLUMN supplier_state_code text;

COMMENT ON COLUMN public.orders.tax_basis IS
'INCLUSIVE: gross and net contain the tax (net = gross - discount); EXCLUSIVE (orders of '
'1.0.0): tax came on top (net = gross - discount + tax).';
COMMENT ON COLUMN public.order_items.tax_basis IS
'INCLUSIVE: qty * unit_price - discount_amount is what the patient pays for the line and '
'contains its GST (taxable_value is what remains after the tax); EXCLUSIVE (lines of '
'1.0.0): GST was added to taxable_value.';
COMMENT ON COLUMN public.order_items.supplier_state_code IS
'GST state the line was supplied from (the branch''s state): with the place of supply it '
'decides CGST + SGST/UTGST or IGST, and it names the registration that invoices the line. '
'NULL only on lines of 1.0.0 (their snapshot has supplier_state_code).';

ALTER TABLE public.orders DROP CONSTRAINT orders_net_is_gross_less_discount_plus_tax;
ALTER TABLE public.orders
ADD CONSTRAINT orders_net_matches_tax_basis CHECK (
    CASE tax_basis
        WHEN 'INCLUSIVE'
            THEN
                net_amount = gross_amount - discount_amount
                AND tax_amount <= net_amount
        ELSE net_amount = gross_amount - discount_amount + tax_amount
    END
) NOT VALID;

ALTER TABLE public.order_items DROP CONSTRAINT order_items_taxable_value_is_price_less_discount;
ALTER TABLE public.order_items DROP CONSTRAINT order_items_tax_amounts_match_rate;
ALTER TABLE public.order_items
ADD CONSTRAINT order_items_taxable_value_matches_tax_basis CHECK (
    CASE tax_basis
        WHEN 'INCLUSIVE'
            THEN
                taxable_value + cgst + sgst + utgst + igst
                = qty * unit_price - discount_amount
        ELSE taxable_value = qty * unit_price - discount_amount
    END
) NOT VALID,
ADD CONSTRAINT order_items_tax_amounts_match_rate_and_basis CHECK (
    CASE tax_basis
        WHEN 'INCLUSIVE'
            THEN (
                igst = 0
                AND cgst = round(
                    (qty * unit_price - discount_amount) * gst_rate / (2 * (100 + gst_rate)), 2
                )
                AND sgst + utgst = cgst
            ) OR (
                cgst = 0 AND sgst = 0 AND utgst = 0
                AND igst
                = round((qty * unit_price - discount_amount) * gst_rate / (100 + gst_rate), 2)
            )
        ELSE (
            igst = 0
            AND cgst = round(taxable_value * gst_rate / 200, 2)
            AND sgst + utgst = cgst
        ) OR (
            cgst = 0 AND sgst = 0 AND utgst = 0
            AND igst = round(taxable_value * gst_rate / 100, 2)
        )
    END
) NOT VALID,
ADD CONSTRAINT order_items_inclusive_line_names_supplier_state CHECK (
    tax_basis = 'EXCLUSIVE'
    OR (supplier_state_code IS NOT NULL AND supplier_state_code ~ '^[0-9]{2}$')
) NOT VALID,
ADD CONSTRAINT order_items_inclusive_price_within_mrp CHECK (
    tax_basis = 'EXCLUSIVE'
    OR NOT service_snapshot ? 'mrp'
    OR unit_price <= (service_snapshot ->> 'mrp')::numeric
) NOT VALID;

COMMENT ON CONSTRAINT orders_net_matches_tax_basis ON public.orders IS
'Refuses a net amount other than gross - discount (INCLUSIVE: the tax is inside and cannot '
'exceed the net) or gross - discount + tax (EXCLUSIVE, orders of 1.0.0).';
COMMENT ON CONSTRAINT order_items_taxable_value_matches_tax_basis ON public.order_items IS
'Refuses a line whose taxable value plus tax is not what the patient pays for it '
'(INCLUSIVE), or whose taxable value is not qty * unit_price - discount (EXCLUSIVE).';
COMMENT ON CONSTRAINT order_items_tax_amounts_match_rate_and_basis ON public.order_items IS
'Refuses tax amounts that are not the rate applied as the basis says, each rounded to the '
'paisa half away from zero. INCLUSIVE (A = qty * unit_price - discount): CGST = SGST or '
'UTGST = round(A * rate / (2 * (100 + rate)), 2), or IGST = round(A * rate / (100 + rate), '
'2); the taxable value absorbs the rounding. EXCLUSIVE: CGST = round(taxable * rate / 200, '
'2), or IGST = round(taxable * rate / 100, 2).';
COMMENT ON CONSTRAINT order_items_inclusive_line_names_supplier_state ON public.order_items IS
'Refuses a line sold since 1.0.0 without the two-digit GST state it was supplied from.';
COMMENT ON CONSTRAINT order_items_inclusive_price_within_mrp ON public.order_items IS
'Refuses a line charged above the MRP its snapshot records: no retailer may collect more '
'than the MRP.';

-- What was sold is frozen: the new columns too. The tax document a line is invoiced on
-- (invoice_id, change tax_documents) is set once, at dispatch, and is then frozen as well.
CREATE OR REPLACE FUNCTION public.order_items_frozen_after_placement()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_frozen constant text [] := ARRAY[
        'order_id', 'service_catalog_id', 'vendor_id', 'qty', 'unit_price',
        'discount_amount', 'taxable_value', 'hsn_code', 'gst_rate', 'cgst', 'sgst', 'utgst',
        'igst', 'service_snapshot', 'created_at', 'tax_basis', 'supplier_state_code'
    ];
    v_old jsonb := pg_catalog.to_jsonb(OLD);
    v_new jsonb := pg_catalog.to_jsonb(NEW);
    v_changed text [];
BEGIN
    SELECT pg_catalog.array_agg(c.col ORDER BY c.col) INTO v_changed
    FROM pg_catalog.unnest(v_frozen) AS c (col)
    WHERE v_old -> c.col IS DISTINCT FROM v_new -> c.col;
    IF v_old ->> 'invoice_id' IS NOT NULL AND v_old -> 'invoice_id' IS DISTINCT FROM v_new
    -> 'invoice_id' THEN
        v_changed := pg_catalog.array_append(v_changed, 'invoice_id');
    END IF;
    IF v_changed IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM024',
            MESSAGE = pg_catalog.format(
                'order item %s is frozen as sold; cannot change %s',
                OLD.id, pg_catalog.array_to_string(v_changed, ', ')
            ),
            HINT = 'Correct a sold line with a refund or credit note, never by editing it.';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.order_items_frozen_after_placement() IS
'BEFORE UPDATE trigger of order_items: raises OM024 naming the columns when an update would '
'change what was sold (order, item, vendor, qty, price, discount, taxable value, HSN, rate, '
'tax amounts, tax basis, supplier state, snapshot or created_at), or the tax document of a '
'line that already has one.';

COMMIT;
