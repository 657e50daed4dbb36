-- Verify onemedi:book_slot on pg

BEGIN;

SELECT 'private.book_slot_seats(uuid, integer, integer)'::regprocedure;
SELECT 'private.order_rules_acts_for_vendor(uuid)'::regprocedure;
SELECT 1 / has_function_privilege(
    'authenticated', 'public.book_slot(uuid, integer)', 'EXECUTE'
)::integer;
SELECT 1 / (
    NOT has_function_privilege(
        'authenticated', 'private.book_slot_seats(uuid, integer, integer)', 'EXECUTE'
    )
)::integer;
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE p.prosrc ~ '\mpublic\.(book_slot_seats|order_rules_acts_for_vendor)\M';
-- One request: the version is optional.
SELECT 1 / (p.pronargdefaults = 1)::integer
FROM pg_catalog.pg_proc AS p
WHERE p.oid = 'public.book_slot(uuid, integer)'::regprocedure;

ROLLBACK;
