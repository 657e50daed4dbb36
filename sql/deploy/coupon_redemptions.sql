-- Deploy onemedi:coupon_redemptions to pg
-- One row per order that used a coupon: the use count of a coupon is a count of facts, and a
-- trigger refuses a redemption outside the coupon's window or beyond its max_uses.

BEGIN;

CREATE TABLE public.coupon_redemptions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    coupon_id uuid NOT NULL REFERENCES public.coupons (id) ON DELETE RESTRICT,
    order_id uuid NOT NULL,
    profile_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE RESTRICT,
    redeemed_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT coupon_redemptions_one_per_order UNIQUE (order_id),
    CONSTRAINT coupon_redemptions_matches_order
    FOREIGN KEY (order_id, coupon_id, profile_id)
    REFERENCES public.orders (id, coupon_id, profile_id) ON DELETE RESTRICT
);

CREATE INDEX coupon_redemptions_coupon_id_idx ON public.coupon_redemptions (coupon_id);
CREATE INDEX coupon_redemptions_profile_id_idx ON public.coupon_redemptions (profile_id);

CREATE FUNCTION public.coupon_redemptions_within_limits()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_coupon public.coupons;
    v_used bigint;
BEGIN
    -- Lock the coupon so that concurrent redemptions of it are counted one after another.
    SELECT c.* INTO v_coupon FROM public.coupons AS c WHERE c.id = NEW.coupon_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key reports the missing coupon
    END IF;
    IF NOT v_coupon.is_active
        OR NEW.redeemed_at < v_coupon.valid_from
        OR NEW.redeemed_at >= v_coupon.valid_to THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'coupon %s is not redeemable at %s: %s', v_coupon.code, NEW.redeemed_at,
                CASE
                    WHEN NOT v_coupon.is_active THEN 'it is withdrawn (is_active is false)'
                    ELSE pg_catalog.format(
                        'it is valid from %s until %s', v_coupon.valid_from, v_coupon.valid_to
                    )
                END
            ),
            HINT = 'Redeem an active coupon within its validity window.';
    END IF;
    IF v_coupon.max_uses IS NOT NULL THEN
        SELECT count(*) INTO v_used
        FROM public.coupon_redemptions AS r
        WHERE r.coupon_id = NEW.coupon_id AND r.id <> NEW.id;
        IF v_used >= v_coupon.max_uses THEN
            RAISE EXCEPTION USING
                ERRCODE = '23514',
                MESSAGE = pg_catalog.format(
                    'coupon %s has reached its limit of %s uses', v_coupon.code,
                    v_coupon.max_uses
                ),
                HINT = 'Raise coupons.max_uses or use another coupon.';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.coupon_redemptions_within_limits() IS
'BEFORE INSERT OR UPDATE trigger of coupon_redemptions: locks the coupon row, then raises '
'23514 when the coupon is inactive, when redeemed_at is outside [valid_from, valid_to), or '
'when the coupon already has max_uses redemptions. Security definer so that the lock does '
'not need UPDATE on coupons.';

REVOKE EXECUTE ON FUNCTION public.coupon_redemptions_within_limits() FROM public;

CREATE TRIGGER coupon_redemptions_within_limits
BEFORE INSERT OR UPDATE OF coupon_id, redeemed_at ON public.coupon_redemptions
FOR EACH ROW EXECUTE FUNCTION public.coupon_redemptions_within_limits();

CREATE TRIGGER coupon_redemptions_set_updated_at
BEFORE UPDATE ON public.coupon_redemptions
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.coupon_redemptions ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.coupon_redemptions IS
'Each use of a coupon by an order (at most one per order); a coupon''s use count is the '
'number of its rows.';
COMMENT ON COLUMN public.coupon_redemptions.order_id IS
'The order that used the coupon; must carry this coupon_id and profile_id itself.';
COMMENT ON COLUMN public.coupon_redemptions.profile_id IS
'Who redeemed: the order''s profile (for per-patient limits and analytics).';
COMMENT ON COLUMN public.coupon_redemptions.redeemed_at IS
'When the coupon was used; must fall in the coupon''s validity window.';
COMMENT ON CONSTRAINT coupon_redemptions_one_per_order ON public.coupon_redemptions IS
'Refuses a second redemption for the same order.';
COMMENT ON CONSTRAINT coupon_redemptions_matches_order ON public.coupon_redemptions IS
'Refuses a redemption whose coupon or profile is not the one recorded on the order.';

GRANT SELECT, INSERT ON public.coupon_redemptions TO authenticated;
GRANT ALL ON public.coupon_redemptions TO service_role;

COMMIT;
