-- Revert onemedi:api_grants_exact from pg

BEGIN;

-- Each object this change touched gets back exactly what the API roles had on it before,
-- in the same order.
DO $$
DECLARE
    v_row record;
BEGIN
    FOR v_row IN
        SELECT DISTINCT b.kind, b.object FROM private.api_grants_exact_before AS b
    LOOP
        PERFORM private.api_privileges_revoke(v_row.kind, v_row.object);
    END LOOP;
    FOR v_row IN
        SELECT b.kind, b.object, b.column_name, b.grantee, b.privileges
        FROM private.api_grants_exact_before AS b
        WHERE b.grantee IS NOT NULL
        ORDER BY b.position
    LOOP
        PERFORM private.api_privileges_grant(
            v_row.kind, v_row.object, v_row.grantee, v_row.privileges, v_row.column_name
        );
    END LOOP;
END
$$;

DROP TABLE private.api_grants_exact_before;
DROP FUNCTION private.api_privileges_grant(text, text, name, text, text);
DROP FUNCTION private.api_privileges_revoke(text, text);
DROP FUNCTION private.api_privileges();

COMMIT;
