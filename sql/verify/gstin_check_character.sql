-- Verify onemedi:gstin_check_character on pg

BEGIN;

-- Two GSTINs published with their check characters (V and 4).
SELECT
    1 / (
        private.gstin_check_character('27AAPFU0939F1ZV') = 'V'
        AND private.gstin_check_character('29AAGCB7383J1Z') = '4'
    )::integer;

ROLLBACK;
