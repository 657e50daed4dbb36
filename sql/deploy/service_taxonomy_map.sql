-- Deploy onemedi:service_taxonomy_map to pg
-- The universal tagging engine: which taxonomy terms tag which catalogue items.

BEGIN;

CREATE TABLE public.service_taxonomy_map (
    service_catalog_id uuid NOT NULL
    REFERENCES public.service_catalog (id) ON DELETE CASCADE,
    taxonomy_term_id uuid NOT NULL
    REFERENCES public.taxonomy_terms (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_taxonomy_map_pkey PRIMARY KEY (service_catalog_id, taxonomy_term_id)
);

CREATE INDEX service_taxonomy_map_taxonomy_term_id_idx
ON public.service_taxonomy_map (taxonomy_term_id);

CREATE TRIGGER service_taxonomy_map_set_updated_at
BEFORE UPDATE ON public.service_taxonomy_map
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.service_taxonomy_map ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.service_taxonomy_map IS
'Tags: a taxonomy term tagging a catalogue item, allowed only when the term''s taxonomy '
'applies to the item''s service type (design group J).';
COMMENT ON COLUMN public.service_taxonomy_map.service_catalog_id IS
'The tagged catalogue item; its tags go with it.';
COMMENT ON COLUMN public.service_taxonomy_map.taxonomy_term_id IS
'The tagging term; its tags go with it.';

GRANT SELECT ON public.service_taxonomy_map TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.service_taxonomy_map TO authenticated;
GRANT ALL ON public.service_taxonomy_map TO service_role;

-- A tag is valid while three rows agree: the map row, the item's service type (immutable:
-- service_catalog_check_ref refuses changing it) and the taxonomy's applicable types.

CREATE FUNCTION public.service_taxonomy_map_check_fit()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_service_type public.service_type;
    v_types public.service_type[];
    v_taxonomy_slug text;
    v_term_slug text;
BEGIN
    SELECT c.service_type INTO v_service_type
    FROM public.service_catalog AS c
    WHERE c.id = NEW.service_catalog_id;
    -- FOR SHARE: a concurrent change of the taxonomy's types waits for this tag to commit
    -- (and its own check then sees the tag), or this waits for it and reads the new types.
    SELECT x.applicable_service_types, x.slug, t.slug
    INTO v_types, v_taxonomy_slug, v_term_slug
    FROM public.taxonomy_terms AS t
    INNER JOIN public.taxonomies AS x ON t.taxonomy_id = x.id
    WHERE t.id = NEW.taxonomy_term_id
    FOR SHARE OF x;
    -- A missing item or term is the foreign keys' to report.
    IF v_service_type IS NULL OR v_types IS NULL THEN
        RETURN NEW;
    END IF;
    IF NOT v_service_type = ANY(v_types) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'taxonomy "%s" does not apply to service type %s: term "%s" cannot tag '
                'catalogue item %s',
                v_taxonomy_slug, v_service_type, v_term_slug, NEW.service_catalog_id
            ),
            DETAIL = pg_catalog.format(
                'Taxonomy "%s" applies to %s.', v_taxonomy_slug, v_types
            ),
            HINT = 'Tag the item with a term of a taxonomy that applies to its service type, '
            'or add the type to the taxonomy''s applicable_service_types.';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.service_taxonomy_map_check_fit() IS
'BEFORE INSERT OR UPDATE trigger of service_taxonomy_map: raises 23514 when the term''s '
'taxonomy does not apply to the service type of the catalogue item it would tag.';

REVOKE EXECUTE ON FUNCTION public.service_taxonomy_map_check_fit() FROM public;

CREATE TRIGGER service_taxonomy_map_check_fit
BEFORE INSERT OR UPDATE ON public.service_taxonomy_map
FOR EACH ROW EXECUTE FUNCTION public.service_taxonomy_map_check_fit();

CREATE FUNCTION public.taxonomies_check_tagged_types()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_service_type public.service_type;
    v_term_slug text;
BEGIN
    SELECT c.service_type, t.slug INTO v_service_type, v_term_slug
    FROM public.service_taxonomy_map AS m
    INNER JOIN public.taxonomy_terms AS t ON m.taxonomy_term_id = t.id
    INNER JOIN public.service_catalog AS c ON m.service_catalog_id = c.id
    WHERE
        t.taxonomy_id = NEW.id
        AND NOT c.service_type = ANY(NEW.applicable_service_types)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'taxonomy "%s" cannot stop applying to service type %s: its term "%s" '
                'still tags such catalogue items',
                NEW.slug, v_service_type, v_term_slug
            ),
            HINT = 'Remove those tags from service_taxonomy_map first.';
    END IF;
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION public.taxonomies_check_tagged_types() IS
'AFTER UPDATE OF applicable_service_types trigger of taxonomies: raises 23514 when a '
'service type is removed while a term of the taxonomy still tags an item of that type.';

REVOKE EXECUTE ON FUNCTION public.taxonomies_check_tagged_types() FROM public;

CREATE TRIGGER taxonomies_check_tagged_types
AFTER UPDATE OF applicable_service_types ON public.taxonomies
FOR EACH ROW EXECUTE FUNCTION public.taxonomies_check_tagged_types();

COMMIT;
