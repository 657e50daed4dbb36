-- Deploy onemedi:feature_flags to pg
-- City-wise feature switches with a global default per key, and the one reader of them.

BEGIN;

CREATE TABLE public.feature_flags (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    feature_key text NOT NULL,
    city_id uuid REFERENCES public.cities (id) ON DELETE CASCADE,
    enabled boolean NOT NULL DEFAULT FALSE,
    description text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT feature_flags_feature_key_city_id_key
    UNIQUE NULLS NOT DISTINCT (feature_key, city_id),
    CONSTRAINT feature_flags_feature_key_format CHECK (
        feature_key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$'
        AND length(feature_key) <= 100
    )
);

CREATE INDEX feature_flags_city_id_idx ON public.feature_flags (city_id);

CREATE TRIGGER feature_flags_set_updated_at
BEFORE UPDATE ON public.feature_flags
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.feature_flags ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.feature_flags IS
'Feature switches: a global default per key (city_id NULL) overridden per city, so a '
'service is rolled out city by city without a redeploy (design group H).';
COMMENT ON COLUMN public.feature_flags.feature_key IS
'Name of the feature, lower snake case, dot-separated namespaces (lab_tests.home_collection).';
COMMENT ON COLUMN public.feature_flags.city_id IS
'City this row decides for; NULL = the global default for every city without its own row.';
COMMENT ON COLUMN public.feature_flags.enabled IS
'Whether the feature is on; read through public.feature_enabled(key, city).';
COMMENT ON CONSTRAINT feature_flags_feature_key_city_id_key ON public.feature_flags IS
'Refuses a second row for one key and city, and a second global default (NULL city) '
'for one key: NULLs count as equal here.';
COMMENT ON CONSTRAINT feature_flags_feature_key_format ON public.feature_flags IS
'Refuses a key that is not lower snake case words joined by dots, or longer than 100.';

GRANT SELECT ON public.feature_flags TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.feature_flags TO authenticated;
GRANT ALL ON public.feature_flags TO service_role;

CREATE FUNCTION public.feature_enabled(p_key text, p_city_id uuid)
RETURNS boolean
LANGUAGE sql
STABLE
PARALLEL SAFE
SET search_path = ''
AS $$
    SELECT coalesce(
        (
            SELECT f.enabled
            FROM public.feature_flags AS f
            WHERE f.feature_key = p_key AND f.city_id = p_city_id
        ),
        (
            SELECT f.enabled
            FROM public.feature_flags AS f
            WHERE f.feature_key = p_key AND f.city_id IS NULL
        ),
        FALSE
    );
$$;

COMMENT ON FUNCTION public.feature_enabled(text, uuid) IS
'Whether feature p_key is on in city p_city_id: the city''s own row wins, else the global '
'default (city_id NULL), else false (an unknown key is off). p_city_id NULL reads the '
'default only. Runs with the caller''s rights, so it sees only the rows RLS lets the caller '
'read. Raises nothing.';

REVOKE EXECUTE ON FUNCTION public.feature_enabled(text, uuid) FROM public;
GRANT EXECUTE ON FUNCTION public.feature_enabled(text, uuid)
TO anon, authenticated, service_role;

COMMIT;
