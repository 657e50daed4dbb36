-- Deploy onemedi:cart_items to pg
-- The lines of a cart: one line per catalogue item per cart, with a positive quantity.

BEGIN;

CREATE TABLE public.cart_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    cart_id uuid NOT NULL REFERENCES public.carts (id) ON DELETE CASCADE,
    service_catalog_id uuid NOT NULL
    REFERENCES public.service_catalog (id) ON DELETE CASCADE,
    qty integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cart_items_one_line_per_item UNIQUE (cart_id, service_catalog_id),
    CONSTRAINT cart_items_qty_positive CHECK (qty > 0)
);

CREATE INDEX cart_items_service_catalog_id_idx ON public.cart_items (service_catalog_id);

CREATE TRIGGER cart_items_set_updated_at
BEFORE UPDATE ON public.cart_items
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.cart_items ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.cart_items IS
'What a cart holds: catalogue items (service_catalog) and how many of each.';
COMMENT ON COLUMN public.cart_items.service_catalog_id IS
'The catalogue entry; the vendor and price are chosen at checkout (order_items).';
COMMENT ON COLUMN public.cart_items.qty IS 'How many units; more than zero.';
COMMENT ON CONSTRAINT cart_items_one_line_per_item ON public.cart_items IS
'Refuses a second line for the same catalogue item in one cart (raise qty instead).';
COMMENT ON CONSTRAINT cart_items_qty_positive ON public.cart_items IS
'Refuses a quantity of zero or less (delete the line instead).';

GRANT SELECT, INSERT, UPDATE, DELETE ON public.cart_items TO authenticated;
GRANT ALL ON public.cart_items TO service_role;

COMMIT;
