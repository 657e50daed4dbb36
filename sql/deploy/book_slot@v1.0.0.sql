-- Deploy onemedi:book_slot to pg
-- requires: availability_slots
-- requires: service_bookings
-- requires: vendor_staff
-- requires: roles
-- Slot booking with optimistic locking: a seat is taken by one UPDATE that checks the
-- version the client read and the capacity; the trigger availability_slots_bump_version
-- raises the version by exactly one. A failed update is classified by re-reading the row.

BEGIN;

CREATE FUNCTION public.order_rules_acts_for_vendor(p_vendor_id uuid)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
    SELECT (SELECT auth.uid()) IS NOT NULL AND (
        EXISTS (
            SELECT 1 FROM public.vendors AS v
            WHERE v.id = p_vendor_id AND v.owner_id = (SELECT auth.uid())
        )
        OR EXISTS (
            SELECT 1 FROM public.vendor_staff AS s
            WHERE s.vendor_id = p_vendor_id AND s.user_id = (SELECT auth.uid())
        )
        OR EXISTS (
            SELECT 1
            FROM public.profiles AS p
            INNER JOIN public.roles AS r ON p.role_id = r.id
            WHERE p.id = (SELECT auth.uid()) AND r.name = 'ADMIN'
        )
    );
$$;

COMMENT ON FUNCTION public.order_rules_acts_for_vendor(uuid) IS
'Internal to the order rules: true when the signed-in user owns the vendor, is on its staff '
'or is an ADMIN (read from the tables, so it does not depend on the security change). '
'Raises nothing.';

REVOKE EXECUTE ON FUNCTION public.order_rules_acts_for_vendor(uuid) FROM public;
GRANT EXECUTE ON FUNCTION public.order_rules_acts_for_vendor(uuid) TO service_role;

CREATE FUNCTION public.book_slot_seats(
    p_slot_id uuid, p_expected_version integer, p_seats integer
)
RETURNS public.availability_slots
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_slot public.availability_slots;
BEGIN
    IF p_seats IS NULL OR p_seats < 1 THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format('cannot book %s seats', coalesce(p_seats::text, 'NULL')),
            HINT = 'Book at least one seat.';
    END IF;
    -- One statement: the row lock it takes serialises concurrent bookers, and a loser
    -- re-evaluates the WHERE clause against the winner's row (new version, new count).
    UPDATE public.availability_slots AS s
    SET booked_count = s.booked_count + p_seats
    WHERE
        s.id = p_slot_id
        AND (p_expected_version IS NULL OR s.version = p_expected_version)
        AND s.booked_count + p_seats <= s.capacity
        AND s.start_time > pg_catalog.now()
    RETURNING s.* INTO v_slot;
    IF FOUND THEN
        RETURN v_slot;
    END IF;
    SELECT s.* INTO v_slot FROM public.availability_slots AS s WHERE s.id = p_slot_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM003',
            MESSAGE = pg_catalog.format('slot %s does not exist', p_slot_id),
            HINT = 'Re-read the available slots and pick another one.';
    END IF;
    IF v_slot.start_time <= pg_catalog.now() THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM004',
            MESSAGE = pg_catalog.format(
                'slot %s started at %s and can no longer be booked', p_slot_id, v_slot.start_time
            ),
            HINT = 'Re-read the available slots and pick a later one.';
    END IF;
    IF p_expected_version IS NOT NULL AND v_slot.version <> p_expected_version THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM001',
            MESSAGE = pg_catalog.format(
                'slot %s changed since you read it (version %s, now %s)',
                p_slot_id, p_expected_version, v_slot.version
            ),
            HINT = 'Re-read the slot and retry with its current version.';
    END IF;
    RAISE EXCEPTION USING
        ERRCODE = 'OM002',
        MESSAGE = pg_catalog.format(
            'slot %s is full (%s of %s seats booked, %s requested)',
            p_slot_id, v_slot.booked_count, v_slot.capacity, p_seats
        ),
        HINT = 'Re-read the available slots and pick another one.';
END
$$;

COMMENT ON FUNCTION public.book_slot_seats(uuid, integer, integer) IS
'Internal (book_slot and place_order): takes p_seats seats of a slot in one UPDATE that '
'also checks p_expected_version (NULL: any version; the row lock alone serialises) and the '
'capacity; the version goes up by exactly one (trigger). Errors: 22023 seats < 1; OM003 '
'unknown slot; OM004 slot already started; OM001 version changed since read; OM002 full.';

REVOKE EXECUTE ON FUNCTION public.book_slot_seats(uuid, integer, integer) FROM public;
GRANT EXECUTE ON FUNCTION public.book_slot_seats(uuid, integer, integer) TO service_role;

CREATE FUNCTION public.book_slot(p_slot_id uuid, p_expected_version integer)
RETURNS public.availability_slots
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_vendor_id uuid;
BEGIN
    IF (SELECT auth.uid()) IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'sign in to book a slot',
            HINT = 'Call book_slot as a signed-in vendor member or admin.';
    END IF;
    IF p_expected_version IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'book_slot needs the slot version you read, got NULL',
            HINT = 'Read the slot, then pass its version as p_expected_version.';
    END IF;
    SELECT s.vendor_id INTO v_vendor_id
    FROM public.availability_slots AS s
    WHERE s.id = p_slot_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM003',
            MESSAGE = pg_catalog.format('slot %s does not exist', p_slot_id),
            HINT = 'Re-read the available slots and pick another one.';
    END IF;
    IF NOT public.order_rules_acts_for_vendor(v_vendor_id) THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = pg_catalog.format(
                'only the staff of vendor %s or an admin may book its slots directly',
                v_vendor_id
            ),
            HINT = 'Patients book a slot by placing an order (public.place_order).';
    END IF;
    RETURN public.book_slot_seats(p_slot_id, p_expected_version, 1);
END
$$;

COMMENT ON FUNCTION public.book_slot(uuid, integer) IS
'Takes one seat of a slot for a walk-in or phone booking, under optimistic locking: '
'succeeds only while the slot''s version is still p_expected_version and booked_count < '
'capacity; returns the updated slot (version + 1). Caller: the vendor''s owner or staff, or '
'an admin. Errors: 42501 not signed in or not allowed; 22004 p_expected_version NULL; '
'OM003 unknown slot; OM004 slot already started; OM001 slot changed since read (re-read, '
'retry); OM002 slot full.';

REVOKE EXECUTE ON FUNCTION public.book_slot(uuid, integer) FROM public, anon;
GRANT EXECUTE ON FUNCTION public.book_slot(uuid, integer) TO authenticated, service_role;

CREATE FUNCTION public.cancel_booking(p_booking_id uuid)
RETURNS public.service_bookings
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_booking public.service_bookings;
    v_vendor_id uuid;
BEGIN
    SELECT b.* INTO v_booking
    FROM public.service_bookings AS b
    WHERE b.id = p_booking_id
    FOR UPDATE;
    SELECT i.vendor_id INTO v_vendor_id
    FROM public.order_items AS i
    WHERE i.id = v_booking.order_item_id;
    IF
        v_booking.id IS NULL
        OR (SELECT auth.uid()) IS NULL
        OR (
            v_booking.patient_id <> (SELECT auth.uid())
            AND NOT public.order_rules_acts_for_vendor(v_vendor_id)
        )
        THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM005',
            MESSAGE = pg_catalog.format('booking %s not found', p_booking_id),
            HINT = 'Re-read your bookings; only your own bookings can be cancelled.';
    END IF;
    IF v_booking.fulfillment_status NOT IN ('PENDING', 'SCHEDULED') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM006',
            MESSAGE = pg_catalog.format(
                'booking %s is %s and can no longer be cancelled',
                p_booking_id, v_booking.fulfillment_status
            ),
            HINT = 'Only PENDING or SCHEDULED bookings can be cancelled.';
    END IF;
    IF v_booking.slot_id IS NOT NULL THEN
        UPDATE public.availability_slots AS s
        SET booked_count = s.booked_count - 1
        WHERE s.id = v_booking.slot_id AND s.booked_count > 0;
    END IF;
    UPDATE public.service_bookings AS b
    SET fulfillment_status = 'CANCELLED'
    WHERE b.id = p_booking_id
    RETURNING b.* INTO v_booking;
    RETURN v_booking;
END
$$;

COMMENT ON FUNCTION public.cancel_booking(uuid) IS
'Cancels a PENDING or SCHEDULED booking and gives its seat back to the slot (booked_count '
'- 1, version + 1). Caller: the booking''s patient, the vendor''s staff or an admin. '
'Errors: OM005 booking not found (or not yours); OM006 booking already in progress, done, '
'cancelled or a no-show.';

REVOKE EXECUTE ON FUNCTION public.cancel_booking(uuid) FROM public, anon;
GRANT EXECUTE ON FUNCTION public.cancel_booking(uuid) TO authenticated, service_role;

COMMIT;
