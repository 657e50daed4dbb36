-- Deploy onemedi:vendors to pg
-- The businesses that sell through ONE MEDI (pharmacies, labs, hospitals, ...).

BEGIN;

CREATE TABLE public.vendors (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    type public.vendor_type NOT NULL,
    owner_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE RESTRICT,
    commission_rate numeric(5, 2) NOT NULL DEFAULT 0,
    is_active boolean NOT NULL DEFAULT FALSE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vendors_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT vendors_commission_rate_is_percentage CHECK (
        commission_rate BETWEEN 0 AND 100
    )
);

CREATE INDEX vendors_owner_id_idx ON public.vendors (owner_id);

CREATE TRIGGER vendors_set_updated_at
BEFORE UPDATE ON public.vendors
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.vendors ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.vendors IS
'A business selling through ONE MEDI; its branches, staff and KYC hang off it.';
COMMENT ON COLUMN public.vendors.type IS 'The kind of business (pharmacy, lab, ...).';
COMMENT ON COLUMN public.vendors.owner_id IS
'The profile that owns the vendor account; it cannot be deleted while it owns one.';
COMMENT ON COLUMN public.vendors.commission_rate IS
'ONE MEDI''s commission on the vendor''s sales, in percent (12.50 = 12.5 %).';
COMMENT ON COLUMN public.vendors.is_active IS
'True once the vendor may sell (KYC verified); new vendors start inactive.';
COMMENT ON CONSTRAINT vendors_name_not_blank ON public.vendors IS
'Refuses an empty or all-blank vendor name.';
COMMENT ON CONSTRAINT vendors_commission_rate_is_percentage ON public.vendors IS
'Refuses a commission rate below 0 % or above 100 %.';

-- Anonymous visitors see who sells, not the commercial terms.
GRANT SELECT (id, name, type, is_active, created_at, updated_at) ON public.vendors TO anon;
GRANT SELECT, INSERT, UPDATE ON public.vendors TO authenticated;
GRANT ALL ON public.vendors TO service_role;

COMMIT;
