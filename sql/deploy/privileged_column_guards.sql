-- Deploy onemedi:privileged_column_guards to pg
-- requires: privileged_column_guards@v1.0.0
-- requires: private_schema
-- requires: order_moves_by_role
-- guard_privileged_columns() is a trigger function: it moves to schema private with the
-- other internals (triggers follow it by oid).

BEGIN;

ALTER FUNCTION public.guard_privileged_columns() SET SCHEMA private;

SELECT private.requalify(
    ARRAY['guard_privileged_columns'],
    'public',
    'private'
);

COMMIT;
