-- Deploy onemedi:prescription_gate to pg
-- requires: check_prescription
-- requires: order_state_machine
-- The prescription gate (OM022) of orders_check_transition checks a real prescription: an
-- order with prescription-only lines leaves PENDING (other than to CANCELLED) only when each
-- vendor selling such a line has a VERIFIED check (check_prescription) of a PRESC file that
-- exists in storage, in the bucket prescriptions, under the order's patient's folder. The file
-- is looked up here, at the gate, not only when it is attached: a file can be removed from
-- storage after it was linked. The rest of the function (OM020, OM021) is unchanged.

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
    v_rx record;
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
        -- Each vendor selling a prescription line needs its own pharmacist's VERIFIED check
        -- of a file that is in storage, in the patient's folder.
        FOR v_rx IN
            SELECT DISTINCT ON (i.vendor_id)
                i.vendor_id,
                i.service_snapshot ->> 'name' AS item,
                v.name AS vendor_name
            FROM public.order_items AS i
            INNER JOIN public.vendors AS v ON i.vendor_id = v.id
            WHERE
                i.order_id = OLD.id
                AND (i.service_snapshot ->> 'prescription_required')::boolean
            ORDER BY i.vendor_id, i.created_at, i.id
        LOOP
            IF NOT EXISTS (
                SELECT 1
                FROM public.prescription_checks AS c
                INNER JOIN public.order_artifacts AS a ON c.artifact_id = a.id
                INNER JOIN storage.objects AS s
                    ON
                        s.bucket_id = 'prescriptions'
                        AND s.name = pg_catalog.substr(a.file_url, 15)
                WHERE
                    c.order_id = OLD.id
                    AND c.vendor_id = v_rx.vendor_id
                    AND c.outcome = 'VERIFIED'
                    AND a.order_id = OLD.id
                    AND a.type = 'PRESC'
                    AND pg_catalog.left(a.file_url, 51)
                    = 'prescriptions/' || OLD.profile_id::text || '/'
            ) THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'OM022',
                    MESSAGE = pg_catalog.format(
                        'order %s holds prescription-only %s and no prescription of it in '
                        || 'storage has been verified by %s',
                        OLD.id, v_rx.item, v_rx.vendor_name
                    ),
                    HINT = 'The vendor''s pharmacist checks the uploaded file with '
                    || 'check_prescription(artifact id, ''VERIFIED''); a rejected or removed '
                    || 'file needs a new upload.';
            END IF;
        END LOOP;
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.orders_check_transition() IS
'BEFORE UPDATE OF status, payment_status trigger of orders. Raises OM020 for a status move '
'other than PENDING>CONFIRMED>PROCESSING>OUT_FOR_DELIVERY>COMPLETED or PENDING/CONFIRMED>'
'CANCELLED; OM021 for a payment move other than AWAITING>PAID, AWAITING>FAILED, '
'PAID>REFUNDED; OM022 when an order with a prescription-only medicine (snapshot '
'prescription_required) leaves PENDING, other than to CANCELLED, without a PRESC artifact, '
'or without, for each vendor selling such a line, a VERIFIED prescription_checks row of that '
'vendor on a PRESC artifact whose file exists in storage (bucket prescriptions) under the '
'order''s patient''s folder (change prescription_gate). Both states, the item and the vendor '
'are named in the messages.';

COMMIT;
