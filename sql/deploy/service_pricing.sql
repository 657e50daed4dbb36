-- Deploy onemedi:service_pricing to pg
-- requires: services_master
-- requires: vendors
-- requires: set_updated_at

BEGIN;

CREATE TABLE public.service_pricing (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id uuid NOT NULL REFERENCES public.services_master (id) ON DELETE RESTRICT,
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE CASCADE,
    base_price numeric(12, 2) NOT NULL,
    variable_price numeric(12, 2) NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_pricing_one_row_per_vendor UNIQUE (service_id, vendor_id),
    CONSTRAINT service_pricing_base_price_not_negative CHECK (base_price >= 0),
    CONSTRAINT service_pricing_variable_price_not_negative CHECK (variable_price >= 0)
);

COMMENT ON TABLE public.service_pricing IS
'Rate of a home or field service at a vendor (vendor-wide: the service comes to the '
'patient). Price of n units = base_price + n * variable_price, the unit being '
'services_master.unit.';
COMMENT ON COLUMN public.service_pricing.base_price IS
'Fixed charge per booking in rupees (call-out, first km, first session).';
COMMENT ON COLUMN public.service_pricing.variable_price IS
'Charge in rupees per unit of services_master.unit (per km, per session...).';
COMMENT ON CONSTRAINT service_pricing_one_row_per_vendor ON public.service_pricing IS
'Refuses a second rate for the same service at the same vendor.';
COMMENT ON CONSTRAINT service_pricing_base_price_not_negative ON public.service_pricing IS
'Refuses a negative base price.';
COMMENT ON CONSTRAINT service_pricing_variable_price_not_negative ON public.service_pricing IS
'Refuses a negative per-unit price.';

CREATE INDEX service_pricing_vendor_id_idx ON public.service_pricing (vendor_id);

CREATE TRIGGER service_pricing_set_updated_at
BEFORE UPDATE ON public.service_pricing
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.service_pricing ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.service_pricing TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.service_pricing TO authenticated;
GRANT ALL ON public.service_pricing TO service_role;

COMMIT;
