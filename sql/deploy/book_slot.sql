-- Deploy onemedi:book_slot to pg
-- requires: book_slot@v1.0.0
-- requires: private_schema
-- requires: checkout
-- book_slot_seats (the seat taking that book_slot and place_order share) and
-- order_rules_acts_for_vendor (the vendor check of the order rules) are internal: they move
-- to schema private, out of the Data API, and their callers are re-created to name them
-- there. book_slot and cancel_booking stay RPCs.

BEGIN;

ALTER FUNCTION public.book_slot_seats(uuid, integer, integer) SET SCHEMA private;
ALTER FUNCTION public.order_rules_acts_for_vendor(uuid) SET SCHEMA private;

SELECT private.requalify(
    ARRAY['book_slot_seats', 'order_rules_acts_for_vendor'], 'public', 'private'
);

COMMIT;
