-- Deploy onemedi:order_moves_by_role to pg
-- requires: record_payment
-- requires: security_helpers
-- requires: privileged_column_guards
-- requires: private_schema
-- Who may move what on an order, for API callers (anon, authenticated, service_role):
-- payment_status and payment_ref move only through record_payment (the gateway's webhook) or
-- the refund path, for every API role, admins and service_role included; a patient never
-- moves their order's status directly (they cancel with cancel_order); staff move an order's
-- fulfilment only when they may write for a vendor with lines in it (VIEWER staff may not);
-- admins and service_role may move the status. SECURITY DEFINER functions (cancel_order,
-- record_payment, the refund trigger) and the owner pass.

BEGIN;

CREATE FUNCTION private.orders_authorize_moves()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = ''
AS $$
BEGIN
    IF CURRENT_USER NOT IN ('anon', 'authenticated', 'service_role') THEN
        RETURN NEW;
    END IF;
    IF NEW.payment_status IS DISTINCT FROM OLD.payment_status
        OR NEW.payment_ref IS DISTINCT FROM OLD.payment_ref THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM090',
            MESSAGE = pg_catalog.format(
                'the payment of order %s is recorded only by the payment gateway '
                || '(record_payment) or a refund, not by an update',
                OLD.id
            ),
            HINT = 'The backend calls public.record_payment(order, outcome, gateway reference, '
            || 'amount) from the gateway''s webhook; refunds go through request_refund.';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status
        AND CURRENT_USER = 'authenticated'
        AND NOT (SELECT public.is_admin())
        AND NOT EXISTS (
            SELECT 1 FROM public.order_items AS i
            WHERE i.order_id = OLD.id AND i.vendor_id IN (SELECT public.writable_vendor_ids())
        ) THEN
        IF OLD.profile_id = (SELECT auth.uid()) THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM091',
                MESSAGE = pg_catalog.format(
                    'a patient does not move their order %s from %s to %s',
                    OLD.id, OLD.status, NEW.status
                ),
                HINT = CASE
                    WHEN NEW.status = 'CANCELLED'
                        THEN 'Cancel it with public.cancel_order(order id).'
                    ELSE 'The vendor moves the order along as it is fulfilled; to call it '
                        || 'off, use public.cancel_order(order id).'
                END;
        END IF;
        RAISE EXCEPTION USING
            ERRCODE = 'OM092',
            MESSAGE = pg_catalog.format(
                'only staff who may write for a vendor with lines in order %s move it from %s '
                || 'to %s',
                OLD.id, OLD.status, NEW.status
            ),
            HINT = 'Ask the vendor''s owner or an ADMIN, MANAGER or STAFF member (VIEWER '
            || 'access only reads).';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION private.orders_authorize_moves() IS
'BEFORE UPDATE OF status, payment_status, payment_ref trigger of orders; acts only when '
'current_user is anon, authenticated or service_role (SECURITY DEFINER functions such as '
'cancel_order, record_payment and refunds_mark_order_refunded pass). Errors: OM090 when '
'payment_status or payment_ref would change (every API role: they move only through '
'record_payment or a refund); OM091 when the order''s patient changes its status (they '
'cancel with cancel_order); OM092 when another signed-in user who is not an admin, and not '
'the owner or non-VIEWER staff of a vendor with lines in the order, changes its status.';

REVOKE ALL ON FUNCTION private.orders_authorize_moves()
FROM anon, authenticated, service_role, public;

-- Named to fire first (BEFORE triggers fire in name order): who may move is reported before
-- which move (orders_check_transition) and before the column guard.
CREATE TRIGGER orders_authorize_moves
BEFORE UPDATE OF status, payment_status, payment_ref ON public.orders
FOR EACH ROW EXECUTE FUNCTION private.orders_authorize_moves();

COMMIT;
