-- Deploy onemedi:line_tax_inclusive to pg
-- requires: tax_slab_for
-- requires: states
-- requires: money_domains
-- requires: private_schema
-- GST contained in a tax-inclusive amount (an MRP-side price, after any discount): each
-- component is computed out of the amount and rounded to the paisa, half away from zero,
-- and the taxable value is what remains, so taxable value + tax is exactly the amount.
-- Example at 5% within one state: 40.00 = 38.10 + CGST 0.95 + SGST 0.95.

BEGIN;

CREATE FUNCTION private.date_in_india(p_at timestamptz)
RETURNS date
LANGUAGE sql
STABLE
PARALLEL SAFE
SET search_path = ''
AS $$
    SELECT (p_at AT TIME ZONE 'Asia/Kolkata')::date
$$;

COMMENT ON FUNCTION private.date_in_india(timestamptz) IS
'The calendar date in India (IST, UTC+05:30) of an instant: the date GST rates, invoice '
'dates and financial years are read on. NULL for NULL.';

REVOKE ALL ON FUNCTION private.date_in_india(timestamptz)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.date_in_india(timestamptz) TO anon, authenticated, service_role;

CREATE FUNCTION private.line_tax_inclusive(
    p_amount numeric,
    p_hsn_code text,
    p_on date,
    p_supplier_state text,
    p_supply_state text
)
-- One row, as a table rather than OUT parameters: the Data API's generated types give a
-- record of OUT parameters no field types (Record<string, unknown>).
RETURNS TABLE (
    gst_rate numeric,
    taxable_value numeric,
    cgst numeric,
    sgst numeric,
    utgst numeric,
    igst numeric
)
LANGUAGE plpgsql
STABLE
ROWS 1
SET search_path = ''
AS $$
DECLARE
    -- Money before anything else (23514 by name); numeric in the signature so that the
    -- Data API's generated types call it a number.
    v_amount public.inr := p_amount;
    v_rate numeric;
    v_uses_utgst boolean;
BEGIN
    IF p_amount IS NULL OR p_supplier_state IS NULL OR p_supply_state IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'line_tax_inclusive needs an amount and both states, got NULL',
            HINT = 'Pass the tax-inclusive amount, the supplier''s state and the place of '
            || 'supply.';
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
    v_rate := (public.tax_slab_for(p_hsn_code, p_on)).igst;
    gst_rate := v_rate;
    cgst := 0;
    sgst := 0;
    utgst := 0;
    igst := 0;
    IF p_supplier_state = p_supply_state THEN
        cgst := pg_catalog.round(v_amount * v_rate / (2 * (100 + v_rate)), 2);
        IF v_uses_utgst THEN
            utgst := cgst;
        ELSE
            sgst := cgst;
        END IF;
    ELSE
        igst := pg_catalog.round(v_amount * v_rate / (100 + v_rate), 2);
    END IF;
    taxable_value := v_amount - cgst - sgst - utgst - igst;
    RETURN NEXT;
END
$$;

COMMENT ON FUNCTION private.line_tax_inclusive(
    numeric, text, date, text, text
) IS
'GST contained in the tax-inclusive amount p_amount of a line with HSN/SAC code p_hsn_code '
'supplied on p_on: gst_rate is the IGST rate of tax_slab_for; within one state CGST = SGST '
'(or UTGST in a union territory without legislature) = round(amount * rate / (2 * (100 + '
'rate)), 2); between states IGST = round(amount * rate / (100 + rate), 2); taxable_value = '
'amount - tax. Errors: 22004 NULL amount or state; 23514 an amount that is not a valid '
'inr (negative, NaN, Infinity); 22023 unknown state code; and tax_slab_for''s 22004, 22023 '
'and P0002 (no slab in force).';

REVOKE ALL ON FUNCTION private.line_tax_inclusive(numeric, text, date, text, text)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.line_tax_inclusive(numeric, text, date, text, text)
TO anon, authenticated, service_role;

COMMIT;
