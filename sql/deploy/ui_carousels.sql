-- Deploy onemedi:ui_carousels to pg
-- Admin-controlled carousels placed on app pages, everywhere or per city.

BEGIN;

CREATE TYPE public.ui_carousel_position AS ENUM ('HOME_TOP', 'SERVICE_PAGE', 'FOOTER');
COMMENT ON TYPE public.ui_carousel_position IS
'Where a carousel sits: top of the home page, on a service page, or in the footer.';

CREATE TABLE public.ui_carousels (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    position public.ui_carousel_position NOT NULL,
    city_id uuid REFERENCES public.cities (id) ON DELETE CASCADE,
    is_active boolean NOT NULL DEFAULT TRUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ui_carousels_title_not_blank CHECK (btrim(title) <> '')
);

CREATE INDEX ui_carousels_city_id_idx ON public.ui_carousels (city_id);

CREATE TRIGGER ui_carousels_set_updated_at
BEFORE UPDATE ON public.ui_carousels
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.ui_carousels ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.ui_carousels IS
'A carousel of slides (ui_carousel_items) at a position of the apps, configured by admins '
'(design group I).';
COMMENT ON COLUMN public.ui_carousels.title IS 'Heading shown above the carousel.';
COMMENT ON COLUMN public.ui_carousels.city_id IS
'City the carousel is shown in; NULL = shown in every city.';
COMMENT ON CONSTRAINT ui_carousels_title_not_blank ON public.ui_carousels IS
'Refuses an empty or all-blank title.';

GRANT SELECT ON public.ui_carousels TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.ui_carousels TO authenticated;
GRANT ALL ON public.ui_carousels TO service_role;

COMMIT;
