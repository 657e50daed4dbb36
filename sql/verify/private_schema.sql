-- Verify onemedi:private_schema on pg

BEGIN;

SELECT 1 / (NOT has_schema_privilege('public', 'private', 'USAGE'))::integer;
SELECT 1 / has_schema_privilege('authenticated', 'private', 'USAGE')::integer;
SELECT 1 / (
    NOT has_function_privilege(
        'authenticated', 'private.requalify(text[], name, name)', 'EXECUTE'
    )
)::integer;

ROLLBACK;
