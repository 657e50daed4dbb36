-- Verify onemedi:api_roles_no_jit on pg

BEGIN;

SELECT 1 / (count(*) = 3)::integer
FROM pg_catalog.pg_db_role_setting AS s
INNER JOIN pg_catalog.pg_database AS d ON s.setdatabase = d.oid
WHERE
    d.datname = pg_catalog.current_database()
    AND s.setrole IN ('anon'::regrole, 'authenticated'::regrole, 'om_admin'::regrole)
    AND 'jit=off' = any(s.setconfig);

ROLLBACK;
