-- Deploy onemedi:ui_carousel_items to pg
-- Slides of a carousel: an image, optionally opening a catalogue item.

BEGIN;

CREATE TABLE public.ui_carousel_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    carousel_id uuid NOT NULL REFERENCES public.ui_carousels (id) ON DELETE CASCADE,
    service_catalog_id uuid REFERENCES public.service_catalog (id) ON DELETE CASCADE,
    image_url text NOT NULL,
    sort_order integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ui_carousel_items_image_url_is_https CHECK (
        image_url ~ '^https://[^[:space:]]+$'
    )
);

CREATE INDEX ui_carousel_items_carousel_id_idx ON public.ui_carousel_items (carousel_id);
CREATE INDEX ui_carousel_items_service_catalog_id_idx
ON public.ui_carousel_items (service_catalog_id);

CREATE TRIGGER ui_carousel_items_set_updated_at
BEFORE UPDATE ON public.ui_carousel_items
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.ui_carousel_items ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.ui_carousel_items IS
'A slide of a carousel: an image, optionally opening a catalogue item (design group I).';
COMMENT ON COLUMN public.ui_carousel_items.service_catalog_id IS
'Catalogue item the slide opens; NULL = a picture only. Deleting the item deletes the slide.';
COMMENT ON COLUMN public.ui_carousel_items.image_url IS
'Public https URL of the slide image (normally in the static-media bucket).';
COMMENT ON COLUMN public.ui_carousel_items.sort_order IS
'Display order within the carousel, ascending.';
COMMENT ON CONSTRAINT ui_carousel_items_image_url_is_https ON public.ui_carousel_items IS
'Refuses an image URL that is not https or contains spaces.';

GRANT SELECT ON public.ui_carousel_items TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.ui_carousel_items TO authenticated;
GRANT ALL ON public.ui_carousel_items TO service_role;

COMMIT;
