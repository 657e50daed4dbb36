-- Deploy onemedi:addresses to pg
-- A profile's saved addresses (delivery, home sample collection), geolocated.

BEGIN;

CREATE TABLE public.addresses (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    profile_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    tag text NOT NULL DEFAULT 'Home',
    line_1 text NOT NULL,
    line_2 text,
    city_id uuid NOT NULL REFERENCES public.cities (id) ON DELETE RESTRICT,
    pincode text NOT NULL,
    coords extensions.geography('POINT', 4326),
    is_default boolean NOT NULL DEFAULT FALSE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT addresses_tag_is_short_label CHECK (btrim(tag) <> '' AND length(tag) <= 30),
    CONSTRAINT addresses_line_1_not_blank CHECK (btrim(line_1) <> ''),
    CONSTRAINT addresses_pincode_is_indian_pin CHECK (pincode ~ '^[1-9][0-9]{5}$'),
    CONSTRAINT addresses_coords_within_india CHECK (
        extensions.st_y(coords::extensions.geometry) BETWEEN 6 AND 37.5
        AND extensions.st_x(coords::extensions.geometry) BETWEEN 68 AND 97.5
    )
);

CREATE INDEX addresses_profile_id_idx ON public.addresses (profile_id);
CREATE INDEX addresses_city_id_idx ON public.addresses (city_id);
CREATE UNIQUE INDEX addresses_one_default_per_profile
ON public.addresses (profile_id) WHERE is_default;
CREATE INDEX addresses_coords_gist ON public.addresses USING gist (coords);

CREATE TRIGGER addresses_set_updated_at
BEFORE UPDATE ON public.addresses
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.addresses ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.addresses IS
'Saved addresses of a profile, for deliveries and home visits; at most one is the default.';
COMMENT ON COLUMN public.addresses.tag IS 'Short label the user gives (Home, Work, ...).';
COMMENT ON COLUMN public.addresses.pincode IS 'Indian PIN code: 6 digits, not starting with 0.';
COMMENT ON COLUMN public.addresses.coords IS
'Geocoded point (WGS 84) for distance to vendor branches; NULL until geocoded.';
COMMENT ON COLUMN public.addresses.is_default IS
'True for the address used when none is chosen; at most one per profile.';
COMMENT ON INDEX public.addresses_one_default_per_profile IS
'Refuses a second default address for the same profile.';
COMMENT ON CONSTRAINT addresses_tag_is_short_label ON public.addresses IS
'Refuses an empty tag or one longer than 30 characters.';
COMMENT ON CONSTRAINT addresses_line_1_not_blank ON public.addresses IS
'Refuses an empty or all-blank first address line.';
COMMENT ON CONSTRAINT addresses_pincode_is_indian_pin ON public.addresses IS
'Refuses a PIN code that is not 6 digits or starts with 0.';
COMMENT ON CONSTRAINT addresses_coords_within_india ON public.addresses IS
'Refuses a point outside India''s bounding box (latitude 6 to 37.5, longitude 68 to 97.5): '
'usually latitude and longitude swapped.';

GRANT SELECT, INSERT, UPDATE, DELETE ON public.addresses TO authenticated;
GRANT ALL ON public.addresses TO service_role;

COMMIT;
