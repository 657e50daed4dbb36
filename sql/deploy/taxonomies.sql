-- Deploy onemedi:taxonomies to pg
-- Central taxonomies (Specialty, Body System...), each applying to some service types.

BEGIN;

CREATE TABLE public.taxonomies (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    slug text NOT NULL,
    applicable_service_types public.service_type[] NOT NULL,
    description text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT taxonomies_name_key UNIQUE (name),
    CONSTRAINT taxonomies_slug_key UNIQUE (slug),
    CONSTRAINT taxonomies_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT taxonomies_slug_format CHECK (
        slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100
    ),
    CONSTRAINT taxonomies_applies_to_some_service_type CHECK (
        cardinality(applicable_service_types) > 0
        AND array_position(applicable_service_types, NULL) IS NULL
    )
);

CREATE TRIGGER taxonomies_set_updated_at
BEFORE UPDATE ON public.taxonomies
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.taxonomies ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.taxonomies IS
'A central classification (Specialty, Body System, Condition...) whose terms tag catalogue '
'items of the service types it applies to (design group J).';
COMMENT ON COLUMN public.taxonomies.slug IS
'URL-safe identifier: lower-case letters and digits in hyphen-separated words.';
COMMENT ON COLUMN public.taxonomies.applicable_service_types IS
'Service types whose catalogue items the terms of this taxonomy may tag; never empty.';
COMMENT ON CONSTRAINT taxonomies_name_not_blank ON public.taxonomies IS
'Refuses an empty or all-blank name.';
COMMENT ON CONSTRAINT taxonomies_slug_format ON public.taxonomies IS
'Refuses a slug that is not lower-case letters and digits in hyphen-separated words '
'(cardiology, body-system), or longer than 100.';
COMMENT ON CONSTRAINT taxonomies_applies_to_some_service_type ON public.taxonomies IS
'Refuses an empty list of applicable service types, or one holding NULL: a taxonomy '
'that applies to nothing could tag nothing.';

GRANT SELECT ON public.taxonomies TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.taxonomies TO authenticated;
GRANT ALL ON public.taxonomies TO service_role;

COMMIT;
