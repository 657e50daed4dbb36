-- Deploy onemedi:refund_rules to pg
-- requires: refunds
-- requires: orders
-- requires: order_items
-- requires: profiles
-- requires: roles
-- Refunds of an order line, pending and done together, never exceed what was paid for it,
-- also under concurrent requests; a refund moves only along its allowed statuses; when
-- every line of an order is refunded in full the order's payment becomes REFUNDED.

BEGIN;

-- The cap trigger of change refunds, strengthened: nothing of an unpaid order can be
-- refunded, and a REPEATABLE READ transaction (whose snapshot would hide a refund committed
-- while it waited for the lock) is refused.
CREATE OR REPLACE FUNCTION public.refunds_within_item_total()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_item_total numeric(12, 2);
    v_refunded numeric(12, 2);
    v_payment public.payment_status;
    v_order_id uuid;
BEGIN
    IF NEW.status IN ('REJECTED', 'FAILED') THEN
        RETURN NEW;
    END IF;
    IF pg_catalog.current_setting('transaction_isolation') = 'repeatable read' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM033',
            MESSAGE = pg_catalog.format(
                'refunds of order item %s cannot be written in a REPEATABLE READ transaction',
                NEW.order_item_id
            ),
            HINT = 'Use READ COMMITTED (the default) or SERIALIZABLE: under REPEATABLE READ '
            'a refund committed while this one waited would stay invisible to the cap.';
    END IF;
    -- Lock the line so that concurrent refunds of it are summed one after another.
    SELECT
        i.taxable_value + i.cgst + i.sgst + i.utgst + i.igst,
        i.order_id
    INTO v_item_total, v_order_id
    FROM public.order_items AS i
    WHERE i.id = NEW.order_item_id
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key reports the missing order item
    END IF;
    SELECT o.payment_status INTO v_payment
    FROM public.orders AS o
    WHERE o.id = v_order_id;
    IF v_payment NOT IN ('PAID', 'REFUNDED') THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'order item %s belongs to order %s whose payment is %s: nothing was paid '
                'to refund',
                NEW.order_item_id, v_order_id, v_payment
            ),
            HINT = 'Only lines of a PAID order can be refunded; cancel an unpaid order instead.';
    END IF;
    SELECT coalesce(sum(r.amount), 0) INTO v_refunded
    FROM public.refunds AS r
    WHERE
        r.order_item_id = NEW.order_item_id
        AND r.id <> NEW.id
        AND r.status NOT IN ('REJECTED', 'FAILED');
    IF v_refunded + NEW.amount > v_item_total THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'refunds of order item %s would total %s, more than the %s it cost',
                NEW.order_item_id, v_refunded + NEW.amount, v_item_total
            ),
            HINT = 'Refund at most what is left: the line total less the refunds already made.';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.refunds_within_item_total() IS
'BEFORE INSERT OR UPDATE trigger of refunds (for a refund that is not REJECTED or FAILED): '
'locks the order line FOR UPDATE, then raises 23514 when the order is not PAID or REFUNDED, '
'or when the line''s refunds that are not REJECTED or FAILED would exceed what the line '
'cost (taxable value plus its GST); raises OM033 inside a REPEATABLE READ transaction. '
'Security definer so that the lock does not need UPDATE on order_items.';

CREATE FUNCTION public.refunds_status_moves()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    IF NEW.order_item_id <> OLD.order_item_id THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM031',
            MESSAGE = pg_catalog.format(
                'refund %s cannot move from order item %s to %s',
                OLD.id, OLD.order_item_id, NEW.order_item_id
            ),
            HINT = 'Reject this refund and request a new one for the other line.';
    END IF;
    IF NEW.amount <> OLD.amount AND OLD.status <> 'REQUESTED' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM031',
            MESSAGE = pg_catalog.format(
                'the amount of refund %s cannot change once it is %s (from %s to %s)',
                OLD.id, OLD.status, OLD.amount, NEW.amount
            ),
            HINT = 'Only a REQUESTED refund may be corrected; otherwise request a new one.';
    END IF;
    IF NEW.status <> OLD.status AND NOT (
        (OLD.status = 'REQUESTED' AND NEW.status IN ('APPROVED', 'REJECTED', 'PROCESSED'))
        OR (OLD.status = 'APPROVED' AND NEW.status IN ('PROCESSED', 'FAILED'))
        OR (OLD.status = 'FAILED' AND NEW.status = 'APPROVED')
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM031',
            MESSAGE = pg_catalog.format(
                'refund %s cannot move from %s to %s', OLD.id, OLD.status, NEW.status
            ),
            HINT = 'Allowed: REQUESTED to APPROVED, REJECTED or PROCESSED; APPROVED to '
            'PROCESSED or FAILED; FAILED to APPROVED (a retry). REJECTED and PROCESSED are '
            'final.';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.refunds_status_moves() IS
'BEFORE UPDATE trigger of refunds: raises OM031 when a refund would change its order item, '
'change its amount after leaving REQUESTED, or change status other than REQUESTED to '
'APPROVED/REJECTED/PROCESSED, APPROVED to PROCESSED/FAILED, FAILED to APPROVED.';

REVOKE EXECUTE ON FUNCTION public.refunds_status_moves() FROM public;

CREATE TRIGGER refunds_status_moves
BEFORE UPDATE ON public.refunds
FOR EACH ROW EXECUTE FUNCTION public.refunds_status_moves();

CREATE FUNCTION public.refunds_mark_order_refunded()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_order_id uuid;
BEGIN
    SELECT i.order_id INTO v_order_id
    FROM public.order_items AS i
    WHERE i.id = NEW.order_item_id;
    -- Serialise the last refunds of different lines of one order: each waits for the other
    -- and then sees it.
    PERFORM 1 FROM public.orders AS o WHERE o.id = v_order_id FOR UPDATE;
    IF NOT EXISTS (
        SELECT 1
        FROM public.order_items AS i
        WHERE
            i.order_id = v_order_id
            AND i.taxable_value + i.cgst + i.sgst + i.utgst + i.igst > (
                SELECT coalesce(sum(r.amount), 0)
                FROM public.refunds AS r
                WHERE r.order_item_id = i.id AND r.status = 'PROCESSED'
            )
    ) THEN
        UPDATE public.orders
        SET payment_status = 'REFUNDED'
        WHERE id = v_order_id AND payment_status = 'PAID';
    END IF;
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION public.refunds_mark_order_refunded() IS
'AFTER INSERT OR UPDATE OF status trigger of refunds, for PROCESSED refunds: locks the '
'order and, when the PROCESSED refunds of every line equal what the line cost, sets the '
'order''s payment_status from PAID to REFUNDED. Raises nothing itself; security definer '
'because the patient may not change payment_status.';

REVOKE EXECUTE ON FUNCTION public.refunds_mark_order_refunded() FROM public;

CREATE TRIGGER refunds_mark_order_refunded
AFTER INSERT OR UPDATE OF status ON public.refunds
FOR EACH ROW WHEN (new.status = 'PROCESSED')
EXECUTE FUNCTION public.refunds_mark_order_refunded();

CREATE FUNCTION public.request_refund(
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
