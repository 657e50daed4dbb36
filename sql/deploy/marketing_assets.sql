-- Deploy onemedi:marketing_assets to pg
-- Homepage CMS: banners and carousel slides, everywhere or per city, in an optional window.

BEGIN;

CREATE TYPE public.marketing_asset_type AS ENUM ('BANNER', 'CAROUSEL');
COMMENT ON TYPE public.marketing_asset_type IS
'How a marketing asset is shown: a single BANNER or a slide of the homepage CAROUSEL.';

CREATE TABLE public.marketing_assets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type public.marketing_asset_type NOT NULL,
    image_url text NOT NULL,
    link_url text,
    city_id uuid REFERENCES public.cities (id) ON DELETE CASCADE,
    sort_order integer NOT NULL DEFAULT 0,
    is_active boolean NOT NULL DEFAULT TRUE,
    active_from timestamptz,
    active_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT marketing_assets_image_url_is_https CHECK (image_url ~ '^https://[^[:space:]]+$'),
    CONSTRAINT marketing_assets_link_url_is_https_or_app_route CHECK (
        link_url ~ '^(https://|/)[^[:space:]]*$'
    ),
    CONSTRAINT marketing_assets_active_window_ordered CHECK (active_until > active_from)
);

CREATE INDEX marketing_assets_city_id_idx ON public.marketing_assets (city_id);

CREATE TRIGGER marketing_assets_set_updated_at
BEFORE UPDATE ON public.marketing_assets
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.marketing_assets ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.marketing_assets IS
'Homepage banners and carousel slides managed by admins (design group H).';
COMMENT ON COLUMN public.marketing_assets.image_url IS
'Public https URL of the image (normally in the static-media bucket).';
COMMENT ON COLUMN public.marketing_assets.link_url IS
'Where a tap leads: an https URL or an in-app route starting with /; NULL = not clickable.';
COMMENT ON COLUMN public.marketing_assets.city_id IS
'City the asset is shown in; NULL = shown in every city.';
COMMENT ON COLUMN public.marketing_assets.sort_order IS
'Display order among the assets of one type, ascending.';
COMMENT ON COLUMN public.marketing_assets.active_from IS
'Start of the display window (inclusive); NULL = already showing.';
COMMENT ON COLUMN public.marketing_assets.active_until IS
'End of the display window (exclusive); NULL = until switched off.';
COMMENT ON CONSTRAINT marketing_assets_image_url_is_https ON public.marketing_assets IS
'Refuses an image URL that is not https (mixed content is blocked by the apps) or has spaces.';
COMMENT ON CONSTRAINT marketing_assets_link_url_is_https_or_app_route
ON public.marketing_assets IS
'Refuses a link that is neither an https URL nor an in-app route starting with /.';
COMMENT ON CONSTRAINT marketing_assets_active_window_ordered ON public.marketing_assets IS
'Refuses a display window that ends at or before it starts.';

GRANT SELECT ON public.marketing_assets TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.marketing_assets TO authenticated;
GRANT ALL ON public.marketing_assets TO service_role;

COMMIT;
