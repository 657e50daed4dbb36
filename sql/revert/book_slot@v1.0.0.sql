-- Revert onemedi:book_slot from pg

BEGIN;

DROP FUNCTION public.cancel_booking(uuid);
DROP FUNCTION public.book_slot(uuid, integer);
DROP FUNCTION public.book_slot_seats(uuid, integer, integer);
DROP FUNCTION public.order_rules_acts_for_vendor(uuid);

COMMIT;
