-- Verify onemedi:is_valid_gstin on pg

BEGIN;

SELECT has_function_privilege('public.is_valid_gstin(text)', 'execute');

SELECT
    1 / (
        public.is_valid_gstin('27AAPFU0939F1ZV')
        AND NOT public.is_valid_gstin('27AAPFU0939F1ZW')
    )::int;

ROLLBACK;
