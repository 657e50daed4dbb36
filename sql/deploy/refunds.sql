-- Deploy onemedi:refunds to pg
-- Partial or full refunds, each against one order line; together never more than the line
-- cost.

BEGIN;

CREATE TYPE public.refund_status AS ENUM (
    'REQUESTED', 'APPROVED', 'REJECTED', 'PROCESSED', 'FAILED'
);
COMMENT ON TYPE public.refund_status IS
'REQUESTED, then APPROVED or REJECTED; an approved refund ends PROCESSED (money returned) '
'or FAILED.';

CREATE TABLE public.refunds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_item_id uuid NOT NULL REFERENCES public.order_items (id) ON DELETE RESTRICT,
    amount numeric(12, 2) NOT NULL,
    reason text NOT NULL,
    status public.refund_status NOT NULL DEFAULT 'REQUESTED',
    gateway_ref text,
    processed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refunds_amount_positive CHECK (amount > 0),
    CONSTRAINT refunds_reason_not_blank CHECK (btrim(reason) <> ''),
    CONSTRAINT refunds_processed_has_time_and_ref CHECK (
        (status = 'PROCESSED') = (processed_at IS NOT NULL)
        AND (status <> 'PROCESSED' OR gateway_ref IS NOT NULL)
    )
);

CREATE INDEX refunds_order_item_id_idx ON public.refunds (order_item_id);

CREATE FUNCTION public.refunds_within_item_total()
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

REVOKE EXECUTE ON FUNCTION public.refunds_within_item_total() FROM public;

CREATE TRIGGER refunds_within_item_total
BEFORE INSERT OR UPDATE OF order_item_id, amount, status ON public.refunds
FOR EACH ROW EXECUTE FUNCTION public.refunds_within_item_total();

CREATE TRIGGER refunds_set_updated_at
BEFORE UPDATE ON public.refunds
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.refunds ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.refunds IS
'Money returned to the patient for an order line, in part or in full.';
COMMENT ON COLUMN public.refunds.amount IS 'Rupees to return, tax included; above zero.';
COMMENT ON COLUMN public.refunds.reason IS 'Why the refund was asked for, in plain words.';
COMMENT ON COLUMN public.refunds.gateway_ref IS
'The payment gateway''s refund reference; required once PROCESSED.';
COMMENT ON COLUMN public.refunds.processed_at IS
'When the money went back; set exactly when status is PROCESSED.';
COMMENT ON CONSTRAINT refunds_amount_positive ON public.refunds IS
'Refuses a refund of zero or less.';
COMMENT ON CONSTRAINT refunds_reason_not_blank ON public.refunds IS
'Refuses an empty or all-blank reason.';
COMMENT ON CONSTRAINT refunds_processed_has_time_and_ref ON public.refunds IS
'Refuses a PROCESSED refund without processed_at or gateway reference, and processed_at '
'on a refund that is not PROCESSED.';

GRANT SELECT, INSERT ON public.refunds TO authenticated;
GRANT ALL ON public.refunds TO service_role;

COMMIT;
