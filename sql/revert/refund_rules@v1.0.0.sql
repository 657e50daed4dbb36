-- Revert onemedi:refund_rules from pg

BEGIN;

DROP FUNCTION public.request_refund(uuid, numeric, text);
DROP TRIGGER refunds_mark_order_refunded ON public.refunds;
DROP FUNCTION public.refunds_mark_order_refunded();
DROP TRIGGER refunds_status_moves ON public.refunds;
DROP FUNCTION public.refunds_status_moves();

-- The cap trigger function as change refunds created it.
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
BEGIN
    IF NEW.status IN ('REJECTED', 'FAILED') THEN
        RETURN NEW;
    END IF;
    -- Lock the line so that concurrent refunds of it are summed one after another.
    SELECT i.taxable_value + i.cgst + i.sgst + i.utgst + i.igst INTO v_item_total
    FROM public.order_items AS i
    WHERE i.id = NEW.order_item_id
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key reports the missing order item
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
'BEFORE INSERT OR UPDATE trigger of refunds: locks the order line, then raises 23514 when '
'the refunds of the line that are not REJECTED or FAILED would exceed what the line cost '
'(taxable value plus its GST). Security definer so that the lock does not need UPDATE on '
'order_items.';

COMMIT;
