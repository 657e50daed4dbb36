-- Deploy onemedi:order_line_tax to pg
-- requires: tax_slab_for
-- requires: states
-- GST of one invoice line: the rate in force for its HSN/SAC code on the order date, split by
-- place of supply (same state: CGST + SGST, or CGST + UTGST in a union territory without
-- legislature; different states: IGST), each component rounded to the paisa.

BEGIN;

CREATE FUNCTION public.order_line_tax(
    p_taxable numeric,
    p_hsn_code text,
    p_on date,
    p_supplier_state text,
    p_supply_state text,
    OUT gst_rate numeric,
    OUT cgst numeric,
    OUT sgst numeric,
    OUT utgst numeric,
    OUT igst numeric
)
RETURNS record
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_slab public.tax_slabs;
    v_uses_utgst boolean;
    v_half numeric;
BEGIN
    IF p_taxable IS NULL OR p_supplier_state IS NULL OR p_supply_state IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'order_line_tax needs a taxable value and both states, got NULL',
            HINT = 'Pass the taxable value, the supplier''s state and the place of supply.';
    END IF;
    IF p_taxable < 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format('taxable value %s is negative', p_taxable),
            HINT = 'The taxable value is qty * unit price less the line''s discount.';
    END IF;
    SELECT s.uses_utgst INTO v_uses_utgst FROM public.states AS s WHERE s.code = p_supply_state;
    IF NOT FOUND OR NOT EXISTS (
        SELECT 1 FROM public.states AS s WHERE s.code = p_supplier_state
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'unknown GST state code %s or %s', p_supplier_state, p_supply_state
            ),
            HINT = 'Use a two-digit code of public.states.';
    END IF;
    v_slab := public.tax_slab_for(p_hsn_code, p_on);
    gst_rate := v_slab.igst;
    cgst := 0;
    sgst := 0;
    utgst := 0;
    igst := 0;
    IF p_supplier_state = p_supply_state THEN
        -- Each half is rounded on its own (half away from zero), as the CHECK
        -- order_items_tax_amounts_match_rate requires; SGST/UTGST always equals CGST.
        v_half := pg_catalog.round(p_taxable * v_slab.igst / 200, 2);
        cgst := v_half;
        IF v_uses_utgst THEN
            utgst := v_half;
        ELSE
            sgst := v_half;
        END IF;
    ELSE
        igst := pg_catalog.round(p_taxable * v_slab.igst / 100, 2);
    END IF;
END
$$;

COMMENT ON FUNCTION public.order_line_tax(numeric, text, date, text, text) IS
'GST of one line: gst_rate is the IGST rate of tax_slab_for(p_hsn_code, p_on); when the '
'supplier''s state equals the place of supply, cgst = round(taxable * rate / 200, 2) and '
'the same amount as utgst (UT without legislature) or sgst; otherwise igst = '
'round(taxable * rate / 100, 2). round() is half away from zero. Errors: 22004 NULL '
'taxable value or state; 22023 negative taxable value or unknown state code; and '
'tax_slab_for''s 22004, 22023 and P0002 (no slab in force).';

REVOKE EXECUTE ON FUNCTION public.order_line_tax(numeric, text, date, text, text) FROM public;
GRANT EXECUTE ON FUNCTION public.order_line_tax(numeric, text, date, text, text)
TO anon, authenticated, service_role;

COMMIT;
