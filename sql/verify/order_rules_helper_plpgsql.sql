-- Verify onemedi:order_rules_helper_plpgsql on pg

BEGIN;

SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.oid = 'private.order_rules_acts_for_vendor(uuid)'::regprocedure
    AND p.prolang = (SELECT l.oid FROM pg_catalog.pg_language AS l WHERE l.lanname = 'plpgsql');
SELECT 1 / (NOT private.order_rules_acts_for_vendor(gen_random_uuid()))::integer;

ROLLBACK;
