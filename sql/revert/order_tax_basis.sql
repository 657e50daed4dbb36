-- Revert onemedi:order_tax_basis from pg
-- The 1.0.0 money CHECKs come back (validated: every line sold since must have been
-- removed first, or they are refused), with the 1.0.0 frozen-line trigger body.

BEGIN;

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
        'igst', 'service_snapshot', 'created_at'
    ];
    v_old jsonb := pg_catalog.to_jsonb(OLD);
    v_new jsonb := pg_catalog.to_jsonb(NEW);
    v_changed text [];
BEGIN
    SELECT pg_catalog.array_agg(c.col ORDER BY c.col) INTO v_changed
    FROM pg_catalog.unnest(v_frozen) AS c (col)
    WHERE v_old -> c.col IS DISTINCT FROM v_new -> c.col;
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
'tax amounts, snapshot or created_at).';

ALTER TABLE public.order_items
DROP CONSTRAINT order_items_inclusive_price_within_mrp,
DROP CONSTRAINT order_items_inclusive_line_names_supplier_state,
DROP CONSTRAINT order_items_tax_amounts_match_rate_and_basis,
DROP CONSTRAINT order_items_taxable_value_matches_tax_basis;
ALTER TABLE public.orders DROP CONSTRAINT orders_net_matches_tax_basis;

ALTER TABLE public.order_items
ADD CONSTRAINT order_items_taxable_value_is_price_less_discount CHECK (
    taxable_value = qty * unit_price - discount_amount
),
ADD CONSTRAINT order_items_tax_amounts_match_rate CHECK (
    (
        igst = 0
        AND cgst = round(taxable_value * gst_rate / 200, 2)
        AND sgst + utgst = cgst
    )
    OR (
        cgst = 0 AND sgst = 0 AND utgst = 0
        AND igst = round(taxable_value * gst_rate / 100, 2)
    )
);
ALTER TABLE public.orders
ADD CONSTRAINT orders_net_is_gross_less_discount_plus_tax CHECK (
    net_amount = gross_amount - discount_amount + tax_amount
);

COMMENT ON CONSTRAINT order_items_taxable_value_is_price_less_discount ON public.order_items IS
'Refuses a taxable value other than qty * unit_price - discount_amount.';
COMMENT ON CONSTRAINT order_items_tax_amounts_match_rate ON public.order_items IS
'Refuses tax amounts that are not the rate applied to the taxable value, rounded to the '
'paisa: half the rate each for CGST and SGST/UTGST, the whole rate for IGST.';
COMMENT ON CONSTRAINT orders_net_is_gross_less_discount_plus_tax ON public.orders IS
'Refuses a net amount other than gross - discount + tax.';

ALTER TABLE public.order_items DROP COLUMN supplier_state_code, DROP COLUMN tax_basis;
ALTER TABLE public.orders DROP COLUMN tax_basis;
DROP TYPE public.tax_basis;

COMMIT;
