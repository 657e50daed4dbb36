-- Deploy onemedi:book_slot to pg
-- requires: book_slot@v1.0.0
-- requires: private_schema
-- requires: checkout
-- book_slot_seats (the seat taking that book_slot and place_order share) and
-- order_rules_acts_for_vendor (the vendor check of the order rules) are internal: they move
-- to schema private, out of the Data API, and their callers are re-created to name them
-- there. book_slot and cancel_booking stay RPCs.
-- book_slot is one request and, when it succeeds, one statement: p_expected_version may be
-- NULL (the default), meaning any version while seats remain, so a walk-in booking needs no
-- read first; with a version it is the optimistic path the design asks for (OM001 when the
-- slot changed). The UPDATE checks the caller's right, the version, the capacity and the
-- start together; only when it takes no seat does the function look for why, answering with
-- the codes 1.0.0 gave, in the same order (OM003, 42501, OM004, OM001, OM002).

BEGIN;

ALTER FUNCTION public.book_slot_seats(uuid, integer, integer) SET SCHEMA private;
ALTER FUNCTION public.order_rules_acts_for_vendor(uuid) SET SCHEMA private;

SELECT private.requalify(
    ARRAY['book_slot_seats', 'order_rules_acts_for_vendor'], 'public', 'private'
);

CREATE OR REPLACE FUNCTION public.book_slot(
    p_slot_id uuid, p_expected_version integer DEFAULT NULL
)
RETURNS public.availability_slots
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_slot public.availability_slots;
    v_vendor_id uuid;
BEGIN
    IF (SELECT auth.uid()) IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'sign in to book a slot',
            HINT = 'Call book_slot as a signed-in vendor member or admin.';
    END IF;
    -- The whole booking in one statement; its row lock serialises concurrent bookers, and a
    -- loser re-evaluates the WHERE clause against the winner's row.
    UPDATE public.availability_slots AS s
    SET booked_count = s.booked_count + 1
    WHERE
        s.id = p_slot_id
        AND (p_expected_version IS NULL OR s.version = p_expected_version)
        AND s.booked_count < s.capacity
        AND s.start_time > pg_catalog.now()
        AND private.order_rules_acts_for_vendor(s.vendor_id)
    RETURNING s.* INTO v_slot;
    IF FOUND THEN
        RETURN v_slot;
    END IF;
    -- No seat taken: say why.
    SELECT s.vendor_id INTO v_vendor_id
    FROM public.availability_slots AS s
    WHERE s.id = p_slot_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM003',
            MESSAGE = pg_catalog.format('slot %s does not exist', p_slot_id),
            HINT = 'Re-read the available slots and pick another one.';
    END IF;
    IF NOT private.order_rules_acts_for_vendor(v_vendor_id) THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = pg_catalog.format(
                'only the staff of vendor %s or an admin may book its slots directly',
                v_vendor_id
            ),
            HINT = 'Patients book a slot by placing an order (public.place_order).';
    END IF;
    -- Raises OM004, OM001 or OM002 (or books, if a seat came free meanwhile).
    RETURN private.book_slot_seats(p_slot_id, p_expected_version, 1);
END
$$;

COMMENT ON FUNCTION public.book_slot(uuid, integer) IS
'Takes one seat of a slot for a walk-in or phone booking, in one request: with '
'p_expected_version, under optimistic locking (only while the slot''s version is still the '
'one read); without it (NULL, the default), while seats remain. Returns the updated slot '
'(version + 1). Caller: the vendor''s owner or staff, or an admin. Errors: 42501 not '
'signed in or not allowed; OM003 unknown slot; OM004 slot already started; OM001 slot '
'changed since read (re-read, retry, or pass no version); OM002 slot full.';

COMMIT;
