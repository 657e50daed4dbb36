-- Deploy onemedi:set_updated_at to pg
-- The one trigger function that keeps updated_at; every table's trigger
-- <table>_set_updated_at (BEFORE UPDATE FOR EACH ROW) calls it.

BEGIN;

CREATE FUNCTION public.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    NEW.updated_at := pg_catalog.now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.set_updated_at() IS
'BEFORE UPDATE row trigger: sets NEW.updated_at to the transaction time (now()), whatever '
'the statement wrote. Raises nothing; only meaningful on tables with an updated_at column.';

REVOKE EXECUTE ON FUNCTION public.set_updated_at() FROM public;
GRANT EXECUTE ON FUNCTION public.set_updated_at() TO service_role;

COMMIT;
