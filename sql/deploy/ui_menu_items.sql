-- Deploy onemedi:ui_menu_items to pg
-- Entries of a menu, nested within the menu, each pointing at exactly one target.

BEGIN;

CREATE TABLE public.ui_menu_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    menu_id uuid NOT NULL REFERENCES public.ui_menus (id) ON DELETE CASCADE,
    parent_item_id uuid,
    label text,
    service_catalog_id uuid REFERENCES public.service_catalog (id) ON DELETE RESTRICT,
    taxonomy_term_id uuid REFERENCES public.taxonomy_terms (id) ON DELETE RESTRICT,
    external_link text,
    sort_order integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ui_menu_items_menu_id_id_key UNIQUE (menu_id, id),
    CONSTRAINT ui_menu_items_parent_in_same_menu FOREIGN KEY (menu_id, parent_item_id)
    REFERENCES public.ui_menu_items (menu_id, id) ON DELETE CASCADE,
    CONSTRAINT ui_menu_items_exactly_one_target CHECK (
        num_nonnulls(service_catalog_id, taxonomy_term_id, external_link) = 1
    ),
    CONSTRAINT ui_menu_items_external_link_is_https CHECK (
        external_link ~ '^https://[^[:space:]]+$'
    ),
    CONSTRAINT ui_menu_items_label_not_blank CHECK (btrim(label) <> '')
);

CREATE INDEX ui_menu_items_menu_id_parent_item_id_idx
ON public.ui_menu_items (menu_id, parent_item_id);
CREATE INDEX ui_menu_items_service_catalog_id_idx
ON public.ui_menu_items (service_catalog_id);
CREATE INDEX ui_menu_items_taxonomy_term_id_idx
ON public.ui_menu_items (taxonomy_term_id);

CREATE TRIGGER ui_menu_items_set_updated_at
BEFORE UPDATE ON public.ui_menu_items
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

CREATE FUNCTION public.ui_menu_items_check_tree()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    IF NEW.parent_item_id IS NULL
        OR (TG_OP = 'UPDATE' AND NEW.parent_item_id IS NOT DISTINCT FROM OLD.parent_item_id)
        THEN
        RETURN NEW;
    END IF;
    PERFORM pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('public.ui_menu_items:' || NEW.menu_id::text, 0)
    );
    IF NEW.parent_item_id = NEW.id OR EXISTS (
        WITH RECURSIVE ancestors (id, parent_item_id) AS (
            SELECT i.id, i.parent_item_id
            FROM public.ui_menu_items AS i
            WHERE i.id = NEW.parent_item_id
            UNION
            SELECT i.id, i.parent_item_id
            FROM public.ui_menu_items AS i
            INNER JOIN ancestors AS a ON i.id = a.parent_item_id
        )
        SELECT 1 FROM ancestors WHERE ancestors.id = NEW.id
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'menu item %s cannot be placed under item %s: that would make a cycle',
                NEW.id, NEW.parent_item_id
            ),
            DETAIL = 'The new parent is the item itself or one of its sub-items.',
            HINT = 'Choose a parent that is not below this item in the menu.';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.ui_menu_items_check_tree() IS
'BEFORE INSERT OR UPDATE trigger of ui_menu_items: raises 23514 when an item''s new parent '
'is itself or one of its sub-items (a cycle).';

REVOKE EXECUTE ON FUNCTION public.ui_menu_items_check_tree() FROM public;

CREATE TRIGGER ui_menu_items_check_tree
BEFORE INSERT OR UPDATE ON public.ui_menu_items
FOR EACH ROW EXECUTE FUNCTION public.ui_menu_items_check_tree();

ALTER TABLE public.ui_menu_items ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.ui_menu_items IS
'An entry of a menu: a catalogue item, a taxonomy term (a filtered listing) or an external '
'https link, optionally nested under another entry of the same menu (design group I).';
COMMENT ON COLUMN public.ui_menu_items.parent_item_id IS
'Entry of the same menu this one is nested under; NULL at the top level. Never a cycle.';
COMMENT ON COLUMN public.ui_menu_items.label IS
'Text shown; NULL = the name of the catalogue item or term it points at.';
COMMENT ON COLUMN public.ui_menu_items.service_catalog_id IS
'Target: a catalogue item (the item cannot be deleted while a menu points at it).';
COMMENT ON COLUMN public.ui_menu_items.taxonomy_term_id IS
'Target: the listing of items tagged with this term (the term cannot be deleted meanwhile).';
COMMENT ON COLUMN public.ui_menu_items.external_link IS 'Target: an external https URL.';
COMMENT ON COLUMN public.ui_menu_items.sort_order IS
'Display order among the entries with the same parent, ascending.';
COMMENT ON CONSTRAINT ui_menu_items_parent_in_same_menu ON public.ui_menu_items IS
'Refuses a parent entry from another menu; deleting an entry deletes its sub-entries.';
COMMENT ON CONSTRAINT ui_menu_items_exactly_one_target ON public.ui_menu_items IS
'Refuses an entry pointing at none or at more than one of: catalogue item, taxonomy term, '
'external link.';
COMMENT ON CONSTRAINT ui_menu_items_external_link_is_https ON public.ui_menu_items IS
'Refuses an external link that is not an https URL or contains spaces.';
COMMENT ON CONSTRAINT ui_menu_items_label_not_blank ON public.ui_menu_items IS
'Refuses an empty or all-blank label (leave it NULL to use the target''s name).';

GRANT SELECT ON public.ui_menu_items TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.ui_menu_items TO authenticated;
GRANT ALL ON public.ui_menu_items TO service_role;

COMMIT;
