-- Deploy onemedi:content_master to pg
-- Health articles and videos (blogs), optionally written by a profile.

BEGIN;

CREATE TYPE public.content_type AS ENUM ('ARTICLE', 'VIDEO');
COMMENT ON TYPE public.content_type IS 'What a content_master entry is: an ARTICLE or a VIDEO.';

CREATE TABLE public.content_master (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    type public.content_type NOT NULL,
    content_url text NOT NULL,
    author_id uuid REFERENCES public.profiles (id) ON DELETE SET NULL,
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT content_master_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT content_master_content_url_is_https CHECK (
        content_url ~ '^https://[^[:space:]]+$'
    )
);

CREATE INDEX content_master_author_id_idx ON public.content_master (author_id);

CREATE TRIGGER content_master_set_updated_at
BEFORE UPDATE ON public.content_master
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- content_master is the master table of CONTENT catalogue items: guard it as part 1 guards
-- the other masters (no deleting or renumbering a row while service_catalog lists it).
CREATE TRIGGER content_master_refuse_delete_while_in_catalog
BEFORE DELETE OR UPDATE OF id ON public.content_master
FOR EACH ROW EXECUTE FUNCTION public.service_catalog_guard_master();
CREATE TRIGGER content_master_refuse_truncate_while_in_catalog
BEFORE TRUNCATE ON public.content_master
FOR EACH STATEMENT EXECUTE FUNCTION public.service_catalog_guard_master();

ALTER TABLE public.content_master ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.content_master IS
'Health articles (blogs) and videos shown in the app (design group H).';
COMMENT ON COLUMN public.content_master.content_url IS
'https URL of the article page or the video (static-media bucket or a video host).';
COMMENT ON COLUMN public.content_master.author_id IS
'Profile that wrote the content; NULL for in-house content or once the author is deleted.';
COMMENT ON COLUMN public.content_master.published_at IS
'When the content went (or goes) live; NULL = draft, not shown.';
COMMENT ON CONSTRAINT content_master_title_not_blank ON public.content_master IS
'Refuses an empty or all-blank title.';
COMMENT ON CONSTRAINT content_master_content_url_is_https ON public.content_master IS
'Refuses a content URL that is not https or contains spaces.';

GRANT SELECT ON public.content_master TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.content_master TO authenticated;
GRANT ALL ON public.content_master TO service_role;

COMMIT;
