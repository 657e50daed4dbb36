-- Deploy onemedi:gstin_check_character to pg
-- requires: private_schema
-- The check character GSTN computes over the first 14 characters of every GSTIN and UIN
-- (base 36 over 0-9A-Z, weights 1 and 2 alternately from the left, each product folded as
-- div 36 + mod 36, check value (36 - sum mod 36) mod 36). One function, so that each
-- format's validation asks it instead of repeating the arithmetic.

BEGIN;

CREATE FUNCTION private.gstin_check_character(p_first14 text)
RETURNS text
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = ''
AS $$
    SELECT CASE
        WHEN p_first14 !~ '^[0-9A-Z]{14}' THEN NULL
        ELSE pg_catalog.substr(
            '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
            (
                SELECT (36 - pg_catalog.sum(p.product / 36 + p.product % 36) % 36) % 36
                FROM (
                    SELECT
                        (
                            pg_catalog.strpos(
                                '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                                pg_catalog.substr(p_first14, i, 1)
                            ) - 1
                        ) * (2 - i % 2) AS product
                    FROM pg_catalog.generate_series(1, 14) AS i
                ) AS p
            )::integer + 1,
            1
        )
    END
$$;

COMMENT ON FUNCTION private.gstin_check_character(text) IS
'The 15th character a GSTIN or UIN must have, computed from its first 14 (upper-case 0-9 '
'and A-Z; characters after the 14th are ignored). NULL when the first 14 characters are '
'not all upper-case letters and digits, NULL for NULL; never raises.';

REVOKE ALL ON FUNCTION private.gstin_check_character(text)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.gstin_check_character(text)
TO anon, authenticated, service_role;

COMMIT;
