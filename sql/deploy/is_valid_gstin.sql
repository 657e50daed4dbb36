-- Deploy onemedi:is_valid_gstin to pg
-- requires: is_valid_gstin@v1.0.0
-- requires: gstin_check_character
-- requires: private_schema
-- A GSTIN is 15 characters: the 2-digit GST state code, the 10-character PAN (5 letters,
-- 4 digits, 1 letter), the entity number (1-9, A-Z), a letter (Z today, any letter
-- accepted) and the check character that gstin_check_character computes. Same answers as
-- before; the arithmetic now lives in one place.

BEGIN;

CREATE OR REPLACE FUNCTION public.is_valid_gstin(gstin text)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = ''
AS $$
    SELECT
        gstin ~ (
            '^(0[1-9]|1[0-9]|2[0-46-7]|29|3[0-8]|97)'
            || '[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][A-Z][0-9A-Z]$'
        )
        AND pg_catalog.substr(gstin, 15, 1) = private.gstin_check_character(gstin)
$$;

COMMIT;
