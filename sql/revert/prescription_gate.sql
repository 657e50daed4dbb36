-- Revert onemedi:prescription_gate from pg
-- Restores orders_check_transition as change order_state_machine wrote it.

BEGIN;

CREATE OR REPLACE FUNCTION public.orders_check_transition()
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

COMMIT;
