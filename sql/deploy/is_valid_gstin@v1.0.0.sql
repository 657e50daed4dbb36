-- Deploy onemedi:is_valid_gstin to pg
-- A GSTIN is 15 characters: the 2-digit GST state code, the 10-character PAN (5 letters,
-- 4 digits, 1 letter), the entity number (1-9, A-Z), a letter (Z today, any letter
-- accepted) and a check character computed over the first 14 (base 36, weights 1, 2
-- alternately, each product folded as div 36 + mod 36, check = (36 - sum mod 36) mod 36).

BEGIN;

CREATE FUNCTION public.is_valid_gstin(gstin text)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = ''
AS $$
    SELECT CASE
        WHEN gstin !~ (
            '^(0[1-9]|1[0-9]|2[0-46-7]|29|3[0-8]|97)'
            || '[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][A-Z][0-9A-Z]$'
        ) THEN FALSE
        ELSE (
            SELECT
                (36 - pg_catalog.sum(p.product / 36 + p.product % 36) % 36) % 36
                = pg_catalog.strpos(
                    '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', pg_catalog.substr(gstin, 15, 1)
                ) - 1
            FROM (
                SELECT
                    (
                        pg_catalog.strpos(
                            '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                            pg_catalog.substr(gstin, i, 1)
                        ) - 1
                    ) * (2 - i % 2) AS product
                FROM pg_catalog.generate_series(1, 14) AS i
            ) AS p
        )
    END
$$;

COMMENT ON FUNCTION public.is_valid_gstin(text) IS
'True when the text is a well-formed GSTIN: a GST state code of public.states (01-24, 26, '
'27, 29-38, 97), a PAN (AAAAA9999A), an entity number (1-9, A-Z), a letter and the right '
'check character. Upper case only. False otherwise, NULL for NULL; never raises.';

REVOKE EXECUTE ON FUNCTION public.is_valid_gstin(text) FROM public;
GRANT EXECUTE ON FUNCTION public.is_valid_gstin(text) TO anon, authenticated, service_role;

COMMIT;
