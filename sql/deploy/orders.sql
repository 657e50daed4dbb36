-- Deploy onemedi:orders to pg
-- The transaction parent: who ordered, where it goes (a frozen address that decides the
-- place of supply), the money and where payment and fulfilment stand.

BEGIN;

CREATE TABLE public.orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    profile_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE RESTRICT,
    status public.order_status NOT NULL DEFAULT 'PENDING',
    payment_status public.payment_status NOT NULL DEFAULT 'AWAITING',
    payment_ref text,
    address_id uuid REFERENCES public.addresses (id) ON DELETE SET NULL,
    delivery_address jsonb NOT NULL,
    delivery_state_code text NOT NULL REFERENCES public.states (code) ON DELETE RESTRICT,
    coupon_id uuid REFERENCES public.coupons (id) ON DELETE RESTRICT,
    gross_amount numeric(12, 2) NOT NULL,
    discount_amount numeric(12, 2) NOT NULL DEFAULT 0,
    tax_amount numeric(12, 2) NOT NULL DEFAULT 0,
    net_amount numeric(12, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_id_coupon_id_profile_id_key UNIQUE (id, coupon_id, profile_id),
    CONSTRAINT orders_payment_ref_not_blank CHECK (btrim(payment_ref) <> ''),
    CONSTRAINT orders_paid_has_payment_ref CHECK (
        payment_status NOT IN ('PAID', 'REFUNDED') OR payment_ref IS NOT NULL
    ),
    CONSTRAINT orders_delivery_address_complete CHECK (
        jsonb_typeof(delivery_address) = 'object'
        AND delivery_address ?& ARRAY['line_1', 'city', 'state_code', 'pincode']
        AND (delivery_address ->> 'pincode') ~ '^[1-9][0-9]{5}$'
    ),
    CONSTRAINT orders_delivery_state_matches_address CHECK (
        (delivery_address ->> 'state_code') = delivery_state_code
    ),
    CONSTRAINT orders_amounts_non_negative CHECK (
        gross_amount >= 0 AND discount_amount >= 0 AND tax_amount >= 0 AND net_amount >= 0
    ),
    CONSTRAINT orders_discount_within_gross CHECK (discount_amount <= gross_amount),
    CONSTRAINT orders_net_is_gross_less_discount_plus_tax CHECK (
        net_amount = gross_amount - discount_amount + tax_amount
    )
);

CREATE INDEX orders_created_at_brin ON public.orders USING brin (created_at);
CREATE INDEX orders_profile_id_created_at_idx ON public.orders (profile_id, created_at DESC);
CREATE INDEX orders_address_id_idx ON public.orders (address_id);
CREATE INDEX orders_delivery_state_code_idx ON public.orders (delivery_state_code);
CREATE INDEX orders_coupon_id_idx ON public.orders (coupon_id);

CREATE TRIGGER orders_set_updated_at
BEFORE UPDATE ON public.orders
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.orders IS
'One checkout of a patient: may hold items of several vendors (each vendor invoices its '
'part, see order_invoices). Money: net = gross - discount + tax.';
COMMENT ON COLUMN public.orders.profile_id IS
'Who ordered and pays; orders are kept (RESTRICT) for GST record keeping.';
COMMENT ON COLUMN public.orders.payment_ref IS
'The payment gateway''s reference for the payment; required once PAID or REFUNDED.';
COMMENT ON COLUMN public.orders.address_id IS
'The saved address the snapshot was taken from, if any; NULL once that address is deleted.';
COMMENT ON COLUMN public.orders.delivery_address IS
'The delivery (or, for services, the recipient''s) address as it was at checkout: an '
'object with at least line_1, city, state_code and pincode.';
COMMENT ON COLUMN public.orders.delivery_state_code IS
'GST state of the delivery address: the place of supply, compared with the vendor''s state '
'to choose CGST + SGST/UTGST or IGST.';
COMMENT ON COLUMN public.orders.coupon_id IS 'The coupon applied at checkout, if any.';
COMMENT ON COLUMN public.orders.gross_amount IS
'Sum of qty * unit_price over the items, before discount and tax.';
COMMENT ON COLUMN public.orders.discount_amount IS 'Total discount (coupon and offers).';
COMMENT ON COLUMN public.orders.tax_amount IS 'Total GST (CGST + SGST + UTGST + IGST).';
COMMENT ON COLUMN public.orders.net_amount IS
'What the patient pays: gross_amount - discount_amount + tax_amount.';
COMMENT ON INDEX public.orders_created_at_brin IS
'Time-series scans of orders (design section 5); rows arrive in created_at order.';
COMMENT ON INDEX public.orders_profile_id_created_at_idx IS
'A patient''s orders newest first; also the index of the profile_id foreign key.';
COMMENT ON CONSTRAINT orders_id_coupon_id_profile_id_key ON public.orders IS
'Target of coupon_redemptions'' foreign key: a redemption names the order''s own coupon '
'and profile.';
COMMENT ON CONSTRAINT orders_payment_ref_not_blank ON public.orders IS
'Refuses an empty or all-blank payment reference (leave it NULL instead).';
COMMENT ON CONSTRAINT orders_paid_has_payment_ref ON public.orders IS
'Refuses a PAID or REFUNDED order without the gateway''s payment reference.';
COMMENT ON CONSTRAINT orders_delivery_address_complete ON public.orders IS
'Refuses a delivery address that is not an object with line_1, city, state_code and a '
'6-digit pincode not starting with 0.';
COMMENT ON CONSTRAINT orders_delivery_state_matches_address ON public.orders IS
'Refuses a delivery_state_code that differs from the state_code inside the address.';
COMMENT ON CONSTRAINT orders_amounts_non_negative ON public.orders IS
'Refuses a negative gross, discount, tax or net amount.';
COMMENT ON CONSTRAINT orders_discount_within_gross ON public.orders IS
'Refuses a discount larger than the gross amount.';
COMMENT ON CONSTRAINT orders_net_is_gross_less_discount_plus_tax ON public.orders IS
'Refuses a net amount other than gross - discount + tax.';

GRANT SELECT, INSERT, UPDATE ON public.orders TO authenticated;
GRANT ALL ON public.orders TO service_role;

COMMIT;
