-- Revert onemedi:book_slot from pg

BEGIN;

ALTER FUNCTION private.book_slot_seats(uuid, integer, integer) SET SCHEMA public;
ALTER FUNCTION private.order_rules_acts_for_vendor(uuid) SET SCHEMA public;

SELECT private.requalify(
    ARRAY['book_slot_seats', 'order_rules_acts_for_vendor'], 'private', 'public'
);

COMMIT;
