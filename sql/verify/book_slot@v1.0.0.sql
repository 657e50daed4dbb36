-- Verify onemedi:book_slot on pg

BEGIN;

SELECT has_function_privilege('public.order_rules_acts_for_vendor(uuid)', 'execute');
SELECT has_function_privilege('public.book_slot_seats(uuid, integer, integer)', 'execute');
SELECT has_function_privilege('public.book_slot(uuid, integer)', 'execute');
SELECT has_function_privilege('public.cancel_booking(uuid)', 'execute');

ROLLBACK;
