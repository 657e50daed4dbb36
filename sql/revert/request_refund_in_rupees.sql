-- Revert onemedi:request_refund_in_rupees from pg

BEGIN;

CREATE OR REPLACE FUNCTION public.request_refund(
    p_order_item_id uuid, p_amount numeric, p_reason text
)
RETURNS public.refunds
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := (SELECT auth.uid());
    v_backend boolean := coalesce((SELECT auth.jwt()) ->> 'role', '') = 'service_role';
    v_admin boolean;
    v_profile_id uuid;
    v_payment public.payment_status;
    v_total numeric(12, 2);
    v_refunded numeric(12, 2);
    v_row public.refunds;
BEGIN
    IF p_order_item_id IS NULL OR p_amount IS NULL OR p_reason IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'request_refund: order item, amount and reason are all required',
            HINT = 'Pass the order item id, the rupees to refund and why.';
    END IF;
    IF p_amount <= 0 OR p_amount <> round(p_amount, 2) THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'request_refund: amount %s is not a positive sum in rupees and paise', p_amount
            ),
            HINT = 'Refund more than 0 with at most two decimals.';
    END IF;
    IF btrim(p_reason) = '' THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = 'request_refund: the reason is blank',
            HINT = 'Say in plain words why the refund is asked for.';
    END IF;
    IF v_uid IS NULL AND NOT v_backend THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'request_refund needs a signed-in user or the service role',
            HINT = 'Call it with the patient''s or an admin''s session.';
    END IF;
    v_admin := v_backend OR EXISTS (
        SELECT 1
        FROM public.profiles AS p
        INNER JOIN public.roles AS r ON p.role_id = r.id
        WHERE p.id = v_uid AND r.name = 'ADMIN'
    );
    -- The lock that serialises every refund of this line (the cap trigger takes it too).
    SELECT
        o.profile_id,
        o.payment_status,
        i.taxable_value + i.cgst + i.sgst + i.utgst + i.igst
    INTO v_profile_id, v_payment, v_total
    FROM public.order_items AS i
    INNER JOIN public.orders AS o ON i.order_id = o.id
    WHERE i.id = p_order_item_id
    FOR UPDATE OF i;
    -- Someone else's line is reported as missing, so ids cannot be probed.
    IF NOT FOUND OR NOT (v_admin OR v_profile_id = v_uid) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'P0002',
            MESSAGE = pg_catalog.format('order item %s not found', p_order_item_id),
            HINT = 'Refunds are requested by the patient who ordered, or by an admin.';
    END IF;
    IF v_payment NOT IN ('PAID', 'REFUNDED') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM032',
            MESSAGE = pg_catalog.format(
                'order item %s cannot be refunded: its order''s payment is %s',
                p_order_item_id, v_payment
            ),
            HINT = 'Only lines of a PAID order can be refunded; cancel an unpaid order instead.';
    END IF;
    IF pg_catalog.current_setting('transaction_isolation') = 'repeatable read' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM033',
            MESSAGE = 'request_refund cannot run in a REPEATABLE READ transaction',
            HINT = 'Use READ COMMITTED (the default) or SERIALIZABLE.';
    END IF;
    SELECT coalesce(sum(r.amount), 0) INTO v_refunded
    FROM public.refunds AS r
    WHERE r.order_item_id = p_order_item_id AND r.status NOT IN ('REJECTED', 'FAILED');
    IF v_refunded + p_amount > v_total THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM030',
            MESSAGE = pg_catalog.format(
                'refund of %s for order item %s refused: %s of the %s paid is already '
                'refunded or pending, %s is left',
                p_amount, p_order_item_id, v_refunded, v_total, v_total - v_refunded
            ),
            HINT = 'Ask for at most what is left.';
    END IF;
    INSERT INTO public.refunds (order_item_id, amount, reason)
    VALUES (p_order_item_id, p_amount, p_reason)
    RETURNING * INTO v_row;
    RETURN v_row;
END;
$$;

COMMENT ON FUNCTION public.request_refund(uuid, numeric, text) IS
'Requests a refund (status REQUESTED) of p_amount rupees on an order line, for its order''s '
'patient, an admin or the service role; locks the line FOR UPDATE before summing, so '
'concurrent requests are capped together. Errors: 22004 a NULL argument; 22023 an amount '
'not > 0 or with more than 2 decimals, or a blank reason; 42501 no signed-in user; P0002 '
'the line does not exist or is not the caller''s; OM032 the order is not PAID; OM033 called '
'in a REPEATABLE READ transaction; OM030 the line''s refunds (pending and done) would '
'exceed what was paid for it (message gives asked, already refunded, paid, left).';

REVOKE EXECUTE ON FUNCTION public.request_refund(uuid, numeric, text) FROM public;
GRANT EXECUTE ON FUNCTION public.request_refund(uuid, numeric, text)
TO authenticated, service_role;

COMMIT;
