-- Revert onemedi:api_roles_no_jit from pg

BEGIN;

DO $$
BEGIN
    EXECUTE pg_catalog.format(
        'ALTER ROLE anon IN DATABASE %I RESET jit', pg_catalog.current_database()
    );
    EXECUTE pg_catalog.format(
        'ALTER ROLE authenticated IN DATABASE %I RESET jit', pg_catalog.current_database()
    );
    EXECUTE pg_catalog.format(
        'ALTER ROLE om_admin IN DATABASE %I RESET jit', pg_catalog.current_database()
    );
END;
$$;

COMMIT;
