-- Deploy onemedi:policy_indexes to pg
-- requires: order_artifacts
-- Indexes under columns that policies filter on and that the table changes did not index.

BEGIN;

-- The prescriptions and lab-reports storage policies look an object up by its path.
CREATE INDEX order_artifacts_file_url_idx ON public.order_artifacts (file_url);

COMMIT;
