-- Deploy onemedi:api_roles_no_jit to pg
-- requires: admin_role
-- No JIT for the API's requests in this database. The planner cannot know how many vendors
-- a caller has (an array computed at run time counts as ten), so a policy's vendor arm is
-- costed at thousands of rows and the read crosses jit_above_cost: at 1M orders a patient's
-- order lines took 4.2 ms, 5 ms of it compiling, for 50 rows read from two indexes.
-- PostgREST applies the settings of the role it switches to (impersonated role settings),
-- as it does Supabase's statement timeouts; the backend (service_role) keeps JIT for its
-- reports.

BEGIN;

DO $$
BEGIN
    EXECUTE pg_catalog.format(
        'ALTER ROLE anon IN DATABASE %I SET jit = off', pg_catalog.current_database()
    );
    EXECUTE pg_catalog.format(
        'ALTER ROLE authenticated IN DATABASE %I SET jit = off', pg_catalog.current_database()
    );
    EXECUTE pg_catalog.format(
        'ALTER ROLE om_admin IN DATABASE %I SET jit = off', pg_catalog.current_database()
    );
END;
$$;

COMMIT;
