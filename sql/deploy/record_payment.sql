-- Deploy onemedi:record_payment to pg
-- requires: orders_payment_ref_unique
-- requires: order_state_machine
-- The payment path: the backend (service_role, e.g. the gateway's webhook, or the courier's
-- cash-on-delivery remittance) records what the gateway says about an order's payment, with
-- the gateway's reference and the amount it captured. The only way payment_status moves to
-- PAID or FAILED (change order_moves_by_role refuses a direct UPDATE by every API role).

BEGIN;

CREATE FUNCTION public.record_payment(
    p_order_id uuid,
    p_outcome public.payment_status,
    p_payment_ref text,
    p_amount numeric DEFAULT NULL
)
RETURNS public.orders
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_order public.orders;
    v_other uuid;
BEGIN
    IF p_order_id IS NULL OR p_outcome IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'record_payment needs the order id and the outcome (PAID or FAILED)',
            HINT = 'Pass the order id, the outcome, the gateway reference and the amount.';
    END IF;
    IF p_outcome NOT IN ('PAID', 'FAILED') THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'record_payment records PAID or FAILED, not %s', p_outcome
            ),
            HINT = 'An order becomes REFUNDED when its refunds are PROCESSED (refund path).';
    END IF;
    IF p_outcome = 'PAID' AND (p_payment_ref IS NULL OR pg_catalog.btrim(p_payment_ref) = '') THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'the payment of order %s needs the gateway''s payment reference', p_order_id
            ),
            HINT = 'Pass the payment id the gateway returned (for cash on delivery, the '
            || 'remittance receipt number).';
    END IF;

    SELECT o.* INTO v_order
    FROM public.orders AS o
    WHERE o.id = p_order_id
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM094',
            MESSAGE = pg_catalog.format('order %s not found', p_order_id),
            HINT = 'Check the order id the gateway sent back (its notes or receipt field).';
    END IF;

    -- A webhook delivered twice changes nothing the second time.
    IF v_order.payment_status = p_outcome
        AND (p_outcome = 'FAILED' OR v_order.payment_ref = p_payment_ref) THEN
        RETURN v_order;
    END IF;
    IF v_order.payment_status = 'PAID' AND p_outcome = 'PAID' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM097',
            MESSAGE = pg_catalog.format(
                'order %s is already paid with payment %s; payment %s is a second payment',
                p_order_id, v_order.payment_ref, p_payment_ref
            ),
            HINT = 'Refund the second payment through the gateway; an order is paid once.';
    END IF;
    IF p_outcome = 'PAID' AND p_amount IS DISTINCT FROM v_order.net_amount THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM095',
            MESSAGE = pg_catalog.format(
                'payment %s of order %s captured %s, but the order''s net amount is %s',
                p_payment_ref, p_order_id, coalesce(p_amount::text, 'no amount'),
                v_order.net_amount
            ),
            HINT = 'Pass the amount the gateway captured, in rupees; a partial or excess '
            || 'capture must be refunded, not recorded as paid.';
    END IF;
    IF p_payment_ref IS NOT NULL THEN
        SELECT o.id INTO v_other
        FROM public.orders AS o
        WHERE o.payment_ref = p_payment_ref AND o.id <> p_order_id;
        IF FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM096',
                MESSAGE = pg_catalog.format(
                    'payment %s already belongs to order %s and cannot also pay order %s',
                    p_payment_ref, v_other, p_order_id
                ),
                HINT = 'One gateway payment marks one order; check which order it was for.';
        END IF;
    END IF;

    UPDATE public.orders AS o
    SET
        payment_status = p_outcome,
        payment_ref = coalesce(p_payment_ref, o.payment_ref)
    WHERE o.id = p_order_id
    RETURNING o.* INTO v_order;
    RETURN v_order;
END
$$;

COMMENT ON FUNCTION public.record_payment(uuid, public.payment_status, text, numeric) IS
'The payment path (service_role only: the gateway webhook, or cash-on-delivery remittance): '
'moves an order''s payment_status to PAID (with the gateway reference and the captured '
'amount, which must equal net_amount) or FAILED (reference optional). A repeated call with '
'the same outcome and reference returns the order unchanged. Errors: 22004 NULL order or '
'outcome; 22023 an outcome other than PAID/FAILED, or PAID without a reference; OM094 '
'unknown order; OM095 amount differs from net_amount; OM096 reference already used by '
'another order; OM097 already PAID with another reference; OM021 (trigger) a move such as '
'FAILED to PAID.';

REVOKE ALL ON FUNCTION public.record_payment(uuid, public.payment_status, text, numeric)
FROM anon, authenticated, service_role, public;
GRANT EXECUTE ON FUNCTION public.record_payment(uuid, public.payment_status, text, numeric)
TO service_role;

COMMIT;
