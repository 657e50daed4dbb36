-- Deploy onemedi:ui_menus to pg
-- Admin-controlled menus of the apps (desktop, mobile, floating), everywhere or per city.

BEGIN;

CREATE TYPE public.ui_menu_type AS ENUM ('DESKTOP', 'MOBILE', 'FLOATING');
COMMENT ON TYPE public.ui_menu_type IS
'Which surface a menu belongs to: the DESKTOP site, the MOBILE app, or a FLOATING button.';

CREATE TABLE public.ui_menus (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    menu_type public.ui_menu_type NOT NULL,
    title text NOT NULL,
    icon text,
    route text,
    sort_order integer NOT NULL DEFAULT 0,
    city_id uuid REFERENCES public.cities (id) ON DELETE CASCADE,
    is_active boolean NOT NULL DEFAULT TRUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ui_menus_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT ui_menus_route_is_app_path CHECK (route ~ '^/[^[:space:]]*$')
);

CREATE INDEX ui_menus_city_id_idx ON public.ui_menus (city_id);

CREATE TRIGGER ui_menus_set_updated_at
BEFORE UPDATE ON public.ui_menus
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.ui_menus ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.ui_menus IS
'A menu (or top-level menu entry) of an app surface, configured by admins without a '
'release; its entries are ui_menu_items (design group I).';
COMMENT ON COLUMN public.ui_menus.icon IS 'Icon name from the apps'' icon set, or NULL.';
COMMENT ON COLUMN public.ui_menus.route IS
'In-app route the menu itself opens (starting with /); NULL when it only holds items.';
COMMENT ON COLUMN public.ui_menus.sort_order IS 'Display order among menus, ascending.';
COMMENT ON COLUMN public.ui_menus.city_id IS
'City the menu is shown in; NULL = shown in every city.';
COMMENT ON CONSTRAINT ui_menus_title_not_blank ON public.ui_menus IS
'Refuses an empty or all-blank title.';
COMMENT ON CONSTRAINT ui_menus_route_is_app_path ON public.ui_menus IS
'Refuses a route that does not start with / or contains spaces.';

GRANT SELECT ON public.ui_menus TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.ui_menus TO authenticated;
GRANT ALL ON public.ui_menus TO service_role;

COMMIT;
