-- Deploy onemedi:carts to pg
-- Persistent carts: at most one OPEN cart per profile; checked-out and abandoned carts stay
-- for abandonment analysis.

BEGIN;

CREATE TYPE public.cart_status AS ENUM ('OPEN', 'CHECKED_OUT', 'ABANDONED');
COMMENT ON TYPE public.cart_status IS
'OPEN: being filled; CHECKED_OUT: turned into an order; ABANDONED: given up.';

CREATE TABLE public.carts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    profile_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    status public.cart_status NOT NULL DEFAULT 'OPEN',
    checked_out_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT carts_checked_out_at_iff_checked_out CHECK (
        (status = 'CHECKED_OUT') = (checked_out_at IS NOT NULL)
    )
);

CREATE INDEX carts_profile_id_idx ON public.carts (profile_id);
CREATE UNIQUE INDEX carts_one_open_per_profile ON public.carts (profile_id)
WHERE status = 'OPEN';

CREATE TRIGGER carts_set_updated_at
BEFORE UPDATE ON public.carts
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.carts ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.carts IS
'A patient''s persistent cart, kept across sessions; one OPEN cart per profile.';
COMMENT ON COLUMN public.carts.status IS 'OPEN, CHECKED_OUT or ABANDONED.';
COMMENT ON COLUMN public.carts.checked_out_at IS
'When the cart became an order; set exactly when status is CHECKED_OUT.';
COMMENT ON COLUMN public.carts.updated_at IS
'Last change of the cart itself; abandonment is measured from it.';
COMMENT ON INDEX public.carts_one_open_per_profile IS
'Refuses a second OPEN cart for the same profile.';
COMMENT ON CONSTRAINT carts_checked_out_at_iff_checked_out ON public.carts IS
'Refuses a checked-out cart without checked_out_at, or checked_out_at on any other cart.';

GRANT SELECT, INSERT, UPDATE, DELETE ON public.carts TO authenticated;
GRANT ALL ON public.carts TO service_role;

COMMIT;
