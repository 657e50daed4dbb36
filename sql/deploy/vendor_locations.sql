-- Deploy onemedi:vendor_locations to pg
-- A vendor's physical branches. UNIQUE (vendor_id, id) lets children reference
-- (vendor_id, branch_id) so that a branch always belongs to the row's vendor.

BEGIN;

CREATE TABLE public.vendor_locations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE CASCADE,
    city_id uuid NOT NULL REFERENCES public.cities (id) ON DELETE RESTRICT,
    name text,
    address_line text,
    pincode text,
    coords extensions.geography('POINT', 4326) NOT NULL,
    is_open_24x7 boolean NOT NULL DEFAULT FALSE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vendor_locations_vendor_id_id_key UNIQUE (vendor_id, id),
    CONSTRAINT vendor_locations_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT vendor_locations_address_line_not_blank CHECK (btrim(address_line) <> ''),
    CONSTRAINT vendor_locations_pincode_is_indian_pin CHECK (pincode ~ '^[1-9][0-9]{5}$'),
    CONSTRAINT vendor_locations_coords_within_india CHECK (
        extensions.st_y(coords::extensions.geometry) BETWEEN 6 AND 37.5
        AND extensions.st_x(coords::extensions.geometry) BETWEEN 68 AND 97.5
    )
);

CREATE INDEX vendor_locations_city_id_idx ON public.vendor_locations (city_id);
CREATE INDEX vendor_locations_coords_gist ON public.vendor_locations USING gist (coords);

CREATE TRIGGER vendor_locations_set_updated_at
BEFORE UPDATE ON public.vendor_locations
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.vendor_locations ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.vendor_locations IS
'Physical branches of a vendor (a pharmacy store, a lab collection centre), geolocated.';
COMMENT ON COLUMN public.vendor_locations.vendor_id IS
'The vendor owning the branch; deleting the vendor deletes its branches.';
COMMENT ON COLUMN public.vendor_locations.name IS 'Branch label (e.g. "Kondapur"); optional.';
COMMENT ON COLUMN public.vendor_locations.address_line IS 'Street address of the branch.';
COMMENT ON COLUMN public.vendor_locations.pincode IS 'PIN code of the branch.';
COMMENT ON COLUMN public.vendor_locations.coords IS
'Where the branch is (WGS 84): drives nearest-branch search (vendor_locations_coords_gist).';
COMMENT ON COLUMN public.vendor_locations.is_open_24x7 IS 'True for a round-the-clock branch.';
COMMENT ON CONSTRAINT vendor_locations_vendor_id_id_key ON public.vendor_locations IS
'Target of (vendor_id, branch_id) foreign keys: a branch referenced with its vendor.';
COMMENT ON CONSTRAINT vendor_locations_name_not_blank ON public.vendor_locations IS
'Refuses an empty or all-blank branch name (leave it NULL instead).';
COMMENT ON CONSTRAINT vendor_locations_address_line_not_blank ON public.vendor_locations IS
'Refuses an empty or all-blank address (leave it NULL instead).';
COMMENT ON CONSTRAINT vendor_locations_pincode_is_indian_pin ON public.vendor_locations IS
'Refuses a PIN code that is not 6 digits or starts with 0.';
COMMENT ON CONSTRAINT vendor_locations_coords_within_india ON public.vendor_locations IS
'Refuses a point outside India''s bounding box (latitude 6 to 37.5, longitude 68 to 97.5): '
'usually latitude and longitude swapped.';

GRANT SELECT ON public.vendor_locations TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.vendor_locations TO authenticated;
GRANT ALL ON public.vendor_locations TO service_role;

COMMIT;
