-- Supabase's security and performance advisor, as catalog queries that must return no row.
-- A new table, policy, view or function that breaks a rule fails here with its name.
BEGIN;
SELECT plan(18);

-- Names in policy texts are deparsed fully qualified.
SET LOCAL search_path = pg_catalog, extensions;

SELECT is_empty(
    $$SELECT c.relname FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT c.relrowsecurity$$,
    'no table in public has row level security disabled'
);

SELECT is_empty(
    $$SELECT c.relname FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT c.relispartition
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy AS p WHERE p.polrelid = c.oid)
        AND EXISTS (
            SELECT 1 FROM unnest(ARRAY['anon', 'authenticated']) AS r (rolname)
            WHERE has_table_privilege(r.rolname, c.oid, 'SELECT, INSERT, UPDATE, DELETE')
               OR has_any_column_privilege(r.rolname, c.oid, 'SELECT, INSERT, UPDATE')
        )$$,
    'no table in public that anon or authenticated can reach has RLS on and no policy'
);

SELECT is_empty(
    $$SELECT c.relname FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relispartition
        AND (
            has_table_privilege('anon', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
            OR has_table_privilege('authenticated', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
        )$$,
    'no partition (which has no policies of its own) is reachable by anon or authenticated'
);

SELECT is_empty(
    $$SELECT schemaname, tablename, policyname FROM pg_catalog.pg_policies
      WHERE schemaname IN ('public', 'storage') AND 'public' = ANY(roles)$$,
    'every policy names its roles (none applies TO public)'
);

SELECT is_empty(
    $$SELECT schemaname, tablename, policyname FROM pg_catalog.pg_policies
      WHERE schemaname IN ('public', 'storage')
        AND regexp_replace(
            coalesce(qual, '') || ' ' || coalesce(with_check, ''),
            '\( SELECT (auth\.uid|auth\.jwt|public\.is_admin)\(\) AS \w+\)', '', 'g'
        ) ~ '(auth\.(uid|jwt)|public\.is_admin|public\.has_vendor_access)\('$$,
    'no policy calls auth.uid(), auth.jwt(), is_admin() or has_vendor_access() per row'
);

SELECT is_empty(
    $$SELECT p.schemaname, p.tablename, r.role, c.cmd, count(*)
      FROM pg_catalog.pg_policies AS p
      CROSS JOIN LATERAL unnest(p.roles) AS r (role)
      CROSS JOIN LATERAL unnest(
          CASE WHEN p.cmd = 'ALL' THEN ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']
               ELSE ARRAY[p.cmd] END
      ) AS c (cmd)
      WHERE p.schemaname = 'public' AND p.permissive = 'PERMISSIVE'
      GROUP BY p.schemaname, p.tablename, r.role, c.cmd
      HAVING count(*) > 1$$,
    'no table in public has two permissive policies for the same role and command'
);

SELECT is_empty(
    $$SELECT p.oid::regprocedure FROM pg_catalog.pg_proc AS p
      WHERE p.pronamespace = 'public'::regnamespace
        AND NOT EXISTS (
            SELECT 1 FROM pg_catalog.pg_depend AS d
            WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
              AND d.deptype = 'e'
        )
        AND NOT coalesce(
            EXISTS (SELECT 1 FROM unnest(p.proconfig) AS c WHERE c LIKE 'search_path=%'),
            FALSE
        )$$,
    'every function in public fixes its search_path'
);

SELECT is_empty(
    $$SELECT p.oid::regprocedure FROM pg_catalog.pg_proc AS p
      WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef
        AND has_function_privilege('anon', p.oid, 'EXECUTE')$$,
    'no SECURITY DEFINER function in public is executable by anon'
);

SELECT is_empty(
    $$SELECT c.relname FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
        AND NOT EXISTS (
            SELECT 1 FROM unnest(c.reloptions) AS o
            WHERE lower(o) IN ('security_invoker=true', 'security_invoker=on',
                               'security_invoker=1', 'security_invoker=yes')
        )$$,
    'every view in public is security_invoker (no security-definer view)'
);

SELECT is_empty(
    $$SELECT r.role FROM unnest(ARRAY['anon', 'authenticated']) AS r (role)
      WHERE has_table_privilege(r.role, 'auth.users', 'SELECT, INSERT, UPDATE, DELETE')$$,
    'auth.users is not granted to anon or authenticated'
);

SELECT is_empty(
    $$SELECT DISTINCT v.oid::regclass
      FROM pg_catalog.pg_class AS v
      INNER JOIN pg_catalog.pg_rewrite AS rw ON v.oid = rw.ev_class
      INNER JOIN pg_catalog.pg_depend AS d
          ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = rw.oid
      WHERE v.relkind IN ('v', 'm')
        AND v.relnamespace IN ('public'::regnamespace, 'storage'::regnamespace)
        AND d.refobjid = 'auth.users'::regclass
        AND (has_table_privilege('anon', v.oid, 'SELECT')
             OR has_table_privilege('authenticated', v.oid, 'SELECT'))$$,
    'no view readable by anon or authenticated exposes auth.users'
);

SELECT is_empty(
    $$SELECT c.conrelid::regclass, c.conname FROM pg_catalog.pg_constraint AS c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND c.conparentid = 0
        AND NOT EXISTS (
            SELECT 1 FROM pg_catalog.pg_index AS i
            WHERE
                i.indrelid = c.conrelid
                AND (
                    (
                        (i.indkey::int2 [])[0:cardinality(c.conkey) - 1] @> c.conkey
                        AND (i.indkey::int2 [])[0:cardinality(c.conkey) - 1] <@ c.conkey
                    )
                    -- a unique index on a part of the key finds the one referencing row
                    OR (
                        i.indisunique
                        AND (i.indkey::int2 [])[0:i.indnkeyatts - 1] <@ c.conkey
                    )
                )
        )$$,
    'every foreign key in public has an index on its columns (or a unique one on part)'
);

SELECT is_empty(
    $$SELECT c.relname FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT EXISTS (
            SELECT 1 FROM pg_catalog.pg_constraint AS k
            WHERE k.conrelid = c.oid AND k.contype = 'p'
        )$$,
    'every table in public has a primary key'
);

SELECT is_empty(
    $$SELECT i.indrelid::regclass, array_agg(i.indexrelid::regclass)
      FROM pg_catalog.pg_index AS i
      INNER JOIN pg_catalog.pg_class AS c ON i.indrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace
      GROUP BY i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text,
               coalesce(pg_get_expr(i.indexprs, i.indrelid), ''),
               coalesce(pg_get_expr(i.indpred, i.indrelid), '')
      HAVING count(*) > 1$$,
    'no table in public has two identical indexes'
);

SELECT is_empty(
    $$SELECT e.extname FROM pg_catalog.pg_extension AS e
      WHERE e.extnamespace = 'public'::regnamespace$$,
    'no extension is installed in public'
);

SELECT is_empty(
    $$SELECT c.relname, r.rolname, p.cmd
      FROM pg_catalog.pg_class AS c
      CROSS JOIN (VALUES ('anon'), ('authenticated')) AS r (rolname)
      CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE')) AS p (cmd)
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT c.relispartition
        AND (
            has_table_privilege(r.rolname, c.oid, p.cmd)
            OR (p.cmd <> 'DELETE' AND has_any_column_privilege(r.rolname, c.oid, p.cmd))
        ) <> EXISTS (
            SELECT 1 FROM pg_catalog.pg_policies AS pp
            WHERE pp.schemaname = 'public' AND pp.tablename = c.relname
              AND r.rolname = ANY(pp.roles) AND pp.cmd IN (p.cmd, 'ALL')
        )$$,
    'an API role has a policy for a command on a table exactly when it has the grant'
);

SELECT is_empty(
    $$SELECT t.relname, r.rolname
      FROM unnest(ARRAY[
          'orders', 'order_items', 'order_invoices', 'coupon_redemptions', 'service_bookings'
      ]) AS t (relname)
      CROSS JOIN (VALUES ('anon'), ('authenticated')) AS r (rolname)
      WHERE has_table_privilege(r.rolname, 'public.' || t.relname, 'INSERT')
         OR has_any_column_privilege(r.rolname, 'public.' || t.relname, 'INSERT')
         OR EXISTS (
             SELECT 1 FROM pg_catalog.pg_policies AS pp
             WHERE pp.schemaname = 'public' AND pp.tablename = t.relname
               AND pp.cmd IN ('INSERT', 'ALL')
         )$$,
    'checkout tables have no INSERT grant or policy for API roles (only place_order writes them)'
);

SELECT ok(
    (SELECT r.rolbypassrls FROM pg_catalog.pg_roles AS r WHERE r.rolname = 'service_role')
    AND NOT (
        SELECT bool_or(r.rolbypassrls) FROM pg_catalog.pg_roles AS r
        WHERE r.rolname IN ('anon', 'authenticated')
    ),
    'service_role keeps BYPASSRLS, anon and authenticated do not have it'
);

SELECT * FROM finish();
ROLLBACK;
