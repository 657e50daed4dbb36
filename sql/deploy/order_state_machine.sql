-- Deploy onemedi:order_state_machine to pg
-- requires: book_slot
-- requires: orders
-- requires: order_items
-- requires: order_artifacts
-- requires: service_bookings
-- requires: medicine_inventory
-- An order's status and payment status move only along the allowed arrows; a prescription
-- medicine waits in PENDING for a prescription; cancelling gives back stock and slot seats.

BEGIN;

CREATE FUNCTION public.orders_check_transition()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_rx_item text;
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status
        AND OLD.status::text || '>' || NEW.status::text <> ALL (ARRAY[
            'PENDING>CONFIRMED', 'CONFIRMED>PROCESSING', 'PROCESSING>OUT_FOR_DELIVERY',
            'OUT_FOR_DELIVERY>COMPLETED', 'PENDING>CANCELLED', 'CONFIRMED>CANCELLED'
        ]) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM020',
            MESSAGE = pg_catalog.format(
                'order %s cannot move from %s to %s', OLD.id, OLD.status, NEW.status
            ),
            HINT = 'Orders go PENDING > CONFIRMED > PROCESSING > OUT_FOR_DELIVERY > '
            || 'COMPLETED, and may be CANCELLED while PENDING or CONFIRMED.';
    END IF;
    IF NEW.payment_status IS DISTINCT FROM OLD.payment_status
        AND OLD.payment_status::text || '>' || NEW.payment_status::text <> ALL (ARRAY[
            'AWAITING>PAID', 'AWAITING>FAILED', 'PAID>REFUNDED'
        ]) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM021',
            MESSAGE = pg_catalog.format(
                'order %s payment cannot move from %s to %s',
                OLD.id, OLD.payment_status, NEW.payment_status
            ),
            HINT = 'Payments go AWAITING > PAID or FAILED, and PAID > REFUNDED.';
    END IF;
    IF OLD.status = 'PENDING' AND NEW.status NOT IN ('PENDING', 'CANCELLED') THEN
        SELECT i.service_snapshot ->> 'name' INTO v_rx_item
        FROM public.order_items AS i
        WHERE
            i.order_id = OLD.id
            AND (i.service_snapshot ->> 'prescription_required')::boolean
        ORDER BY i.created_at, i.id
        LIMIT 1;
        IF v_rx_item IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM public.order_artifacts AS a
            WHERE a.order_id = OLD.id AND a.type = 'PRESC'
        ) THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM022',
                MESSAGE = pg_catalog.format(
                    'order %s holds prescription-only %s and has no prescription attached',
                    OLD.id, v_rx_item
                ),
                HINT = 'Upload the prescription (order_artifacts type PRESC), then confirm.';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.orders_check_transition() IS
'BEFORE UPDATE OF status, payment_status trigger of orders. Raises OM020 for a status move '
'other than PENDING>CONFIRMED>PROCESSING>OUT_FOR_DELIVERY>COMPLETED or PENDING/CONFIRMED>'
'CANCELLED; OM021 for a payment move other than AWAITING>PAID, AWAITING>FAILED, '
'PAID>REFUNDED; OM022 when an order with a prescription-only medicine (snapshot '
'prescription_required) leaves PENDING, other than to CANCELLED, without a PRESC artifact. '
'Both states are named in the message.';

REVOKE EXECUTE ON FUNCTION public.orders_check_transition() FROM public;

CREATE TRIGGER orders_check_transition
BEFORE UPDATE OF status, payment_status ON public.orders
FOR EACH ROW EXECUTE FUNCTION public.orders_check_transition();

CREATE FUNCTION public.orders_release_on_cancel()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    UPDATE public.medicine_inventory AS inv
    SET stock_qty = inv.stock_qty + l.qty
    FROM (
        SELECT (i.service_snapshot ->> 'inventory_id')::uuid AS inventory_id, sum(i.qty) AS qty
        FROM public.order_items AS i
        WHERE i.order_id = NEW.id AND i.service_snapshot ? 'inventory_id'
        GROUP BY 1
    ) AS l
    WHERE inv.id = l.inventory_id;

    UPDATE public.availability_slots AS s
    SET booked_count = greatest(s.booked_count - b.seats, 0)
    FROM (
        SELECT sb.slot_id, count(*) AS seats
        FROM public.service_bookings AS sb
        INNER JOIN public.order_items AS i ON sb.order_item_id = i.id
        WHERE
            i.order_id = NEW.id
            AND sb.slot_id IS NOT NULL
            AND sb.fulfillment_status IN ('PENDING', 'SCHEDULED')
        GROUP BY sb.slot_id
    ) AS b
    WHERE s.id = b.slot_id;

    UPDATE public.service_bookings AS sb
    SET fulfillment_status = 'CANCELLED'
    FROM public.order_items AS i
    WHERE
        sb.order_item_id = i.id
        AND i.order_id = NEW.id
        AND sb.fulfillment_status IN ('PENDING', 'SCHEDULED');
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION public.orders_release_on_cancel() IS
'AFTER UPDATE OF status trigger of orders, when an order becomes CANCELLED: puts each '
'medicine line''s qty back on the inventory row it was taken from (snapshot inventory_id), '
'gives back the slot seats of its PENDING/SCHEDULED bookings and marks those CANCELLED. '
'Raises nothing of its own.';

REVOKE EXECUTE ON FUNCTION public.orders_release_on_cancel() FROM public;

CREATE TRIGGER orders_release_on_cancel
AFTER UPDATE OF status ON public.orders
FOR EACH ROW
WHEN (new.status = 'CANCELLED' AND old.status <> 'CANCELLED')
EXECUTE FUNCTION public.orders_release_on_cancel();

CREATE FUNCTION public.cancel_order(p_order_id uuid)
RETURNS public.orders
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_order public.orders;
BEGIN
    SELECT o.* INTO v_order
    FROM public.orders AS o
    WHERE o.id = p_order_id
    FOR UPDATE;
    IF v_order.id IS NULL
        OR (SELECT auth.uid()) IS NULL
        OR (
            v_order.profile_id <> (SELECT auth.uid())
            AND NOT EXISTS (
                SELECT 1 FROM public.order_items AS i
                WHERE i.order_id = p_order_id AND public.order_rules_acts_for_vendor(i.vendor_id)
            )
        ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM023',
            MESSAGE = pg_catalog.format('order %s not found', p_order_id),
            HINT = 'Re-read your orders; only your own orders can be cancelled.';
    END IF;
    IF v_order.status NOT IN ('PENDING', 'CONFIRMED') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM020',
            MESSAGE = pg_catalog.format(
                'order %s cannot move from %s to CANCELLED', p_order_id, v_order.status
            ),
            HINT = 'Only PENDING or CONFIRMED orders can be cancelled; ask for a refund '
            || 'instead.';
    END IF;
    UPDATE public.orders AS o
    SET status = 'CANCELLED'
    WHERE o.id = p_order_id
    RETURNING o.* INTO v_order;
    RETURN v_order;
END
$$;

COMMENT ON FUNCTION public.cancel_order(uuid) IS
'Cancels an order (stock and slot seats come back through orders_release_on_cancel). Caller: '
'the ordering patient, staff of one of its vendors, or an admin. Errors: OM023 order not '
'found (or not yours); OM020 when the order is not PENDING or CONFIRMED (already cancelled, '
'PROCESSING or later).';

REVOKE EXECUTE ON FUNCTION public.cancel_order(uuid) FROM public, anon;
GRANT EXECUTE ON FUNCTION public.cancel_order(uuid) TO authenticated, service_role;

COMMIT;
