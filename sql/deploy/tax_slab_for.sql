-- Deploy onemedi:tax_slab_for to pg
-- The GST slab in force for a code on a date: the longest prefix of the code that has a slab
-- on that day.

BEGIN;

CREATE FUNCTION public.tax_slab_for(p_code text, p_on date)
RETURNS public.tax_slabs
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_slab public.tax_slabs;
BEGIN
    IF p_code IS NULL OR p_on IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'tax_slab_for needs a code and a date, got NULL',
            HINT = 'Pass the HSN/SAC code of the item and the date of supply.';
    END IF;
    IF p_code !~ '^[0-9]{4}([0-9]{2}([0-9]{2})?)?$' THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format('"%s" is not an HSN/SAC code', p_code),
            HINT = 'An HSN code has 4, 6 or 8 digits; a SAC code 4 or 6 digits starting 99.';
    END IF;
    SELECT s.* INTO v_slab
    FROM public.tax_slabs AS s
    WHERE
        s.hsn_code IN (
            pg_catalog.left(p_code, 4), pg_catalog.left(p_code, 6), p_code
        )
        AND s.effective_from <= p_on
        AND (s.effective_to IS NULL OR s.effective_to >= p_on)
    ORDER BY pg_catalog.length(s.hsn_code) DESC
    LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'P0002',
            MESSAGE = pg_catalog.format('no GST slab in force for code %s on %s', p_code, p_on),
            HINT = 'Add a tax_slabs row for that code (or its 4- or 6-digit prefix) covering '
            || 'that date.';
    END IF;
    RETURN v_slab;
END;
$$;

COMMENT ON FUNCTION public.tax_slab_for(text, date) IS
'The tax_slabs row in force on p_on for HSN/SAC code p_code: among the slabs of the code '
'itself and of its 4- and 6-digit prefixes that cover that day, the longest code wins, so '
'an 8-digit exception overrides its heading only while it is in force. Errors: 22004 when '
'an argument is NULL; 22023 when p_code is not 4, 6 or 8 digits; P0002 (no_data_found) '
'when no slab is in force for the code on that day.';

REVOKE EXECUTE ON FUNCTION public.tax_slab_for(text, date) FROM public;
GRANT EXECUTE ON FUNCTION public.tax_slab_for(text, date) TO anon, authenticated, service_role;

COMMIT;
