-- Deploy onemedi:cities to pg
-- Cities served (or to be served): feature flags, menus and banners are per city.

BEGIN;

CREATE TABLE public.cities (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    state_code text NOT NULL REFERENCES public.states (code) ON DELETE RESTRICT,
    name text NOT NULL,
    centre extensions.geography('POINT', 4326),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cities_state_code_name_key UNIQUE (state_code, name),
    CONSTRAINT cities_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT cities_centre_within_india CHECK (
        extensions.st_y(centre::extensions.geometry) BETWEEN 6 AND 37.5
        AND extensions.st_x(centre::extensions.geometry) BETWEEN 68 AND 97.5
    )
);

CREATE TRIGGER cities_set_updated_at
BEFORE UPDATE ON public.cities
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.cities ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.cities IS
'A city, in one state: the unit of rollout for features, menus and banners.';
COMMENT ON COLUMN public.cities.state_code IS 'GST state code of the state the city is in.';
COMMENT ON COLUMN public.cities.centre IS
'Representative point of the city (WGS 84), for nearest-city lookups; NULL until known.';
COMMENT ON CONSTRAINT cities_name_not_blank ON public.cities IS
'Refuses an empty or all-blank city name.';
COMMENT ON CONSTRAINT cities_centre_within_india ON public.cities IS
'Refuses a centre outside India''s bounding box (latitude 6 to 37.5, longitude 68 to 97.5): '
'usually latitude and longitude swapped.';

GRANT SELECT ON public.cities TO anon, authenticated;
GRANT ALL ON public.cities TO service_role;

COMMIT;
