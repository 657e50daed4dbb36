-- Deploy onemedi:coupons to pg
-- The promo engine's coupons; how often one was used is counted from coupon_redemptions.

BEGIN;

CREATE TYPE public.discount_type AS ENUM ('PERCENT', 'FLAT');
COMMENT ON TYPE public.discount_type IS
'How a coupon discounts: PERCENT of the taxable value, or a FLAT amount in rupees.';

CREATE TABLE public.coupons (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL,
    description text,
    discount_type public.discount_type NOT NULL,
    value numeric(12, 2) NOT NULL,
    max_uses integer,
    valid_from timestamptz NOT NULL,
    valid_to timestamptz NOT NULL,
    is_active boolean NOT NULL DEFAULT TRUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT coupons_code_format CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$'),
    CONSTRAINT coupons_percent_value_in_range CHECK (
        discount_type <> 'PERCENT' OR (value > 0 AND value <= 100)
    ),
    CONSTRAINT coupons_flat_value_positive CHECK (discount_type <> 'FLAT' OR value > 0),
    CONSTRAINT coupons_max_uses_positive CHECK (max_uses IS NULL OR max_uses > 0),
    CONSTRAINT coupons_valid_to_after_valid_from CHECK (valid_to > valid_from)
);

CREATE UNIQUE INDEX coupons_lower_code_key ON public.coupons (lower(code));

CREATE TRIGGER coupons_set_updated_at
BEFORE UPDATE ON public.coupons
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.coupons ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.coupons IS
'Promo codes: the discount they give, their validity window and how many uses they allow; '
'uses are the rows of coupon_redemptions, never a counter.';
COMMENT ON COLUMN public.coupons.code IS
'What the patient types; unique regardless of case (index coupons_lower_code_key).';
COMMENT ON COLUMN public.coupons.value IS
'Percent (0 < value <= 100) for PERCENT, rupees (> 0) for FLAT.';
COMMENT ON COLUMN public.coupons.max_uses IS
'How many orders may redeem the coupon in all; NULL means unlimited.';
COMMENT ON COLUMN public.coupons.valid_from IS 'First instant the coupon may be redeemed.';
COMMENT ON COLUMN public.coupons.valid_to IS
'End of validity (exclusive): redeemable while valid_from <= now < valid_to.';
COMMENT ON COLUMN public.coupons.is_active IS 'False withdraws the coupon before valid_to.';
COMMENT ON INDEX public.coupons_lower_code_key IS
'Refuses a second coupon whose code differs only in letter case.';
COMMENT ON CONSTRAINT coupons_code_format ON public.coupons IS
'Refuses a code that is not 3 to 32 letters, digits, _ or -, starting with a letter or digit.';
COMMENT ON CONSTRAINT coupons_percent_value_in_range ON public.coupons IS
'Refuses a PERCENT coupon whose value is not above 0 and at most 100.';
COMMENT ON CONSTRAINT coupons_flat_value_positive ON public.coupons IS
'Refuses a FLAT coupon whose amount is not above 0.';
COMMENT ON CONSTRAINT coupons_max_uses_positive ON public.coupons IS
'Refuses a use limit of 0 or less (NULL means unlimited).';
COMMENT ON CONSTRAINT coupons_valid_to_after_valid_from ON public.coupons IS
'Refuses a validity window that ends at or before its start.';

GRANT SELECT ON public.coupons TO authenticated;
GRANT ALL ON public.coupons TO service_role;

COMMIT;
