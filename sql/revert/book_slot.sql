-- Revert onemedi:book_slot from pg

BEGIN;

ALTER FUNCTION private.book_slot_seats(uuid, integer, integer) SET SCHEMA public;
ALTER FUNCTION private.order_rules_acts_for_vendor(uuid) SET SCHEMA public;

SELECT private.requalify(
    ARRAY['book_slot_seats', 'order_rules_acts_for_vendor'], 'private', 'public'
);

-- 1.0.0's book_slot, which needs the version (a default cannot be taken away in place).
DROP FUNCTION public.book_slot(uuid, integer);

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

COMMIT;
