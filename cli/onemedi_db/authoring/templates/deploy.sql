-- Deploy __project__:__change__ to pg
-- One line on what this change adds and why; it heads the schema reference. Style: docs/style.md

BEGIN;

CREATE TABLE public.__change__ (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- With RLS on and no policy yet, anon and authenticated see no rows: add one permissive
-- policy per command and role, each with an explicit TO, named as a sentence.
ALTER TABLE public.__change__ ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.__change__ IS
'What one row is, and why the table exists (one line; the schema reference reads it).';
COMMENT ON COLUMN public.__change__.updated_at IS
'When the row last changed; kept by a set_updated_at trigger once the change requires it.';

-- Nothing by default (the platform's default privileges may have granted ALL), then exactly
-- what each role needs.
REVOKE ALL ON public.__change__ FROM public, anon, authenticated, service_role;
GRANT SELECT ON public.__change__ TO authenticated;
GRANT ALL ON public.__change__ TO service_role;

COMMIT;
