-- Deploy onemedi:services_master to pg
-- requires: set_updated_at

BEGIN;

CREATE TYPE public.service_unit AS ENUM (
    'PER_KM', 'PER_SESSION', 'PER_VISIT', 'PER_HOUR', 'PER_DAY'
);

COMMENT ON TYPE public.service_unit IS
'Unit that service_pricing.variable_price is charged per: kilometre (ambulance), session '
'(physiotherapy), visit, hour or day (nursing, attendants).';

CREATE TABLE public.services_master (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    unit public.service_unit NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT services_master_name_key UNIQUE (name),
    CONSTRAINT services_master_name_not_blank CHECK (btrim(name) <> '')
);

COMMENT ON TABLE public.services_master IS
'Master list of home and field services (physiotherapy, ambulance, nursing...), each '
'charged per a unit; vendors price them in service_pricing.';
COMMENT ON COLUMN public.services_master.unit IS
'What one unit of the service is; the variable price is charged per unit.';
COMMENT ON CONSTRAINT services_master_name_key ON public.services_master IS
'Refuses two services with the same name.';
COMMENT ON CONSTRAINT services_master_name_not_blank ON public.services_master IS
'Refuses an empty or blank name.';

CREATE TRIGGER services_master_set_updated_at
BEFORE UPDATE ON public.services_master
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.services_master ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.services_master TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.services_master TO authenticated;
GRANT ALL ON public.services_master TO service_role;

COMMIT;
