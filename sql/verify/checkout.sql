-- Verify onemedi:checkout on pg

BEGIN;

SELECT
    1 / (
        has_function_privilege(
            'authenticated', 'public.place_order(uuid, uuid, public.inr, text)', 'EXECUTE'
        )
        AND has_function_privilege(
            'authenticated', 'public.quote_cart(uuid, uuid, text)', 'EXECUTE'
        )
        AND NOT has_function_privilege(
            'authenticated', 'public.checkout_lines(uuid, text, date, public.coupons)', 'EXECUTE'
        )
    )::integer;

-- The 1.0.0 checkout and order_line_tax are gone.
SELECT
    1 / (
        to_regprocedure('public.place_order(uuid, uuid, text)') IS NULL
        AND to_regprocedure('public.order_line_tax(numeric, text, date, text, text)') IS NULL
    )::integer;

ROLLBACK;
