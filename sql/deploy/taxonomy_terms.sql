-- Deploy onemedi:taxonomy_terms to pg
-- Terms of a taxonomy (Cardiology...), optionally nested under a parent of the same taxonomy.

BEGIN;

CREATE TABLE public.taxonomy_terms (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    taxonomy_id uuid NOT NULL REFERENCES public.taxonomies (id) ON DELETE CASCADE,
    name text NOT NULL,
    slug text NOT NULL,
    parent_id uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT taxonomy_terms_taxonomy_id_id_key UNIQUE (taxonomy_id, id),
    CONSTRAINT taxonomy_terms_taxonomy_id_slug_key UNIQUE (taxonomy_id, slug),
    CONSTRAINT taxonomy_terms_parent_in_same_taxonomy FOREIGN KEY (taxonomy_id, parent_id)
    REFERENCES public.taxonomy_terms (taxonomy_id, id) ON DELETE NO ACTION,
    CONSTRAINT taxonomy_terms_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT taxonomy_terms_slug_format CHECK (
        slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100
    )
);

CREATE INDEX taxonomy_terms_taxonomy_id_parent_id_idx
ON public.taxonomy_terms (taxonomy_id, parent_id);

CREATE TRIGGER taxonomy_terms_set_updated_at
BEFORE UPDATE ON public.taxonomy_terms
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

CREATE FUNCTION public.taxonomy_terms_check_tree()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.taxonomy_id IS DISTINCT FROM OLD.taxonomy_id THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'taxonomy term "%s" cannot move to another taxonomy', OLD.slug
            ),
            HINT = 'Create the term in the other taxonomy and move its tags there.';
    END IF;
    IF NEW.parent_id IS NULL
        OR (TG_OP = 'UPDATE' AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id) THEN
        RETURN NEW;
    END IF;
    -- Serialise re-parenting within one taxonomy, so that two concurrent moves cannot
    -- together close a loop that each alone would not.
    PERFORM pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('public.taxonomy_terms:' || NEW.taxonomy_id::text, 0)
    );
    IF NEW.parent_id = NEW.id OR EXISTS (
        WITH RECURSIVE ancestors (id, parent_id) AS (
            SELECT t.id, t.parent_id
            FROM public.taxonomy_terms AS t
            WHERE t.id = NEW.parent_id
            UNION
            SELECT t.id, t.parent_id
            FROM public.taxonomy_terms AS t
            INNER JOIN ancestors AS a ON t.id = a.parent_id
        )
        SELECT 1 FROM ancestors WHERE ancestors.id = NEW.id
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'taxonomy term "%s" cannot be placed under term %s: that would make a cycle',
                NEW.slug, NEW.parent_id
            ),
            DETAIL = 'The new parent is the term itself or one of its descendants.',
            HINT = 'Choose a parent that is not below this term in the tree.';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.taxonomy_terms_check_tree() IS
'BEFORE INSERT OR UPDATE trigger of taxonomy_terms: raises 23514 when a term would move to '
'another taxonomy, or when its new parent is itself or one of its descendants (a cycle). '
'Security definer so the walk up the tree sees every term whatever RLS shows the caller.';

REVOKE EXECUTE ON FUNCTION public.taxonomy_terms_check_tree() FROM public;

CREATE TRIGGER taxonomy_terms_check_tree
BEFORE INSERT OR UPDATE ON public.taxonomy_terms
FOR EACH ROW EXECUTE FUNCTION public.taxonomy_terms_check_tree();

ALTER TABLE public.taxonomy_terms ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.taxonomy_terms IS
'A term of a taxonomy (Cardiology in Specialty), in a tree within its taxonomy; terms tag '
'catalogue items through service_taxonomy_map (design group J).';
COMMENT ON COLUMN public.taxonomy_terms.slug IS
'URL-safe identifier, unique within the taxonomy.';
COMMENT ON COLUMN public.taxonomy_terms.parent_id IS
'Broader term of the same taxonomy; NULL for a top-level term. Never forms a cycle.';
COMMENT ON CONSTRAINT taxonomy_terms_parent_in_same_taxonomy ON public.taxonomy_terms IS
'Refuses a parent that is not a term of the same taxonomy, and deleting a term that still '
'has children (checked at the end of the statement, so deleting a whole taxonomy works).';
COMMENT ON CONSTRAINT taxonomy_terms_name_not_blank ON public.taxonomy_terms IS
'Refuses an empty or all-blank name.';
COMMENT ON CONSTRAINT taxonomy_terms_slug_format ON public.taxonomy_terms IS
'Refuses a slug that is not lower-case letters and digits in hyphen-separated words, or '
'longer than 100.';

GRANT SELECT ON public.taxonomy_terms TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.taxonomy_terms TO authenticated;
GRANT ALL ON public.taxonomy_terms TO service_role;

COMMIT;
