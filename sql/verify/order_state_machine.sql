-- Verify onemedi:order_state_machine on pg

BEGIN;

SELECT has_function_privilege('public.cancel_order(uuid)', 'execute');
SELECT 1 / (count(*) / 2) FROM pg_catalog.pg_trigger
WHERE tgname IN ('orders_check_transition', 'orders_release_on_cancel');

ROLLBACK;
