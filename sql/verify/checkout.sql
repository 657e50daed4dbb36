-- Verify onemedi:checkout on pg

BEGIN;

SELECT
    1 / (
        has_function_privilege(
            'authenticated', 'public.place_order(uuid, uuid, numeric, text)', 'EXECUTE'
        )
        AND has_function_privilege(
            'authenticated', 'public.quote_cart(uuid, uuid, text)', 'EXECUTE'
        )
        AND NOT has_function_privilege(
            'authenticated', 'private.checkout_lines(uuid, text, date, public.coupons)', 'EXECUTE'
        )
    )::integer;

-- The 1.0.0 signature only says what to call instead.
SELECT
    1 / (
        pg_catalog.strpos(
            pg_catalog.pg_get_functiondef('public.place_order(uuid, uuid, text)'::regprocedure),
            'OM078'
        ) > 0
    )::integer;

ROLLBACK;
