-- Deploy onemedi:service_catalog to pg
-- requires: enums
-- requires: set_updated_at
-- requires: medicine_master
-- requires: lab_tests
-- requires: scans_master
-- requires: doctors
-- requires: services_master

BEGIN;

CREATE TABLE public.service_catalog (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_type public.service_type NOT NULL,
    ref_table text NOT NULL,
    ref_id uuid NOT NULL,
    is_active boolean NOT NULL DEFAULT TRUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_catalog_ref_table_matches_type CHECK (
        (service_type = 'MEDICINE' AND ref_table = 'medicine_master')
        OR (service_type = 'LAB_TEST' AND ref_table = 'lab_tests')
        OR (service_type = 'SCAN' AND ref_table = 'scans_master')
        OR (service_type = 'DOCTOR_CONSULT' AND ref_table = 'doctors')
        OR (service_type = 'HOME_SERVICE' AND ref_table = 'services_master')
        OR (service_type = 'INSURANCE' AND ref_table = 'insurance_plans')
        OR (service_type = 'CONTENT' AND ref_table = 'content_master')
    ),
    CONSTRAINT service_catalog_lists_master_once UNIQUE (ref_table, ref_id)
);

COMMENT ON TABLE public.service_catalog IS
'Central registry of everything purchasable: orders, carts, slots, menus and taxonomy tags '
'reference a catalog row, which points at one row of a master table (ref_table, ref_id). '
'The pointer is kept honest by triggers (service_catalog_check_ref here, '
'service_catalog_guard_master on each master) since a polymorphic key cannot be declared.';
COMMENT ON COLUMN public.service_catalog.ref_table IS
'Master table of the listed row, fixed by service_type: medicine_master, lab_tests, '
'scans_master, doctors, services_master, insurance_plans (INSURANCE, no table yet) or '
'content_master (CONTENT).';
COMMENT ON COLUMN public.service_catalog.ref_id IS
'id of the listed master row; for a medicine always its current version (publishing a new '
'version moves it).';
COMMENT ON COLUMN public.service_catalog.is_active IS
'False hides the item from sale without deleting it (orders keep referencing it).';
COMMENT ON CONSTRAINT service_catalog_ref_table_matches_type ON public.service_catalog IS
'Refuses a ref_table that is not the master table of the service_type.';
COMMENT ON CONSTRAINT service_catalog_lists_master_once ON public.service_catalog IS
'Refuses listing the same master row twice.';

CREATE TRIGGER service_catalog_set_updated_at
BEFORE UPDATE ON public.service_catalog
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

CREATE FUNCTION public.service_catalog_check_ref()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_found uuid;
    v_successor uuid;
BEGIN
    IF TG_OP = 'UPDATE' AND (
        NEW.service_type IS DISTINCT FROM OLD.service_type
        OR NEW.ref_table IS DISTINCT FROM OLD.ref_table
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '55000',
            MESSAGE = format(
                'service_catalog %s lists a %s and cannot become a %s',
                OLD.id, OLD.service_type, NEW.service_type
            ),
            HINT = 'Orders refer to this row: list the new item in a new catalog row.';
    END IF;
    IF pg_catalog.to_regclass('public.' || pg_catalog.quote_ident(NEW.ref_table)) IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '23503',
            MESSAGE = format(
                'service_catalog: %s items live in public.%s, which does not exist yet',
                NEW.service_type, NEW.ref_table
            ),
            HINT = 'Create the master table before listing items of this type.';
    END IF;
    -- FOR KEY SHARE, as a foreign key does: a concurrent delete of the master row waits
    -- for this transaction and then sees the catalog row (and is refused).
    EXECUTE format(
        'SELECT id FROM public.%I WHERE id = $1 FOR KEY SHARE', NEW.ref_table
    ) INTO v_found USING NEW.ref_id;
    IF v_found IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '23503',
            MESSAGE = format(
                'service_catalog: %s %s does not exist in public.%s',
                NEW.service_type, NEW.ref_id, NEW.ref_table
            ),
            HINT = 'Create the master row first, then list it.';
    END IF;
    IF NEW.ref_table = 'medicine_master' THEN
        SELECT m.id INTO v_successor
        FROM public.medicine_master AS m
        WHERE m.parent_id = NEW.ref_id;
        IF v_successor IS NOT NULL THEN
            RAISE EXCEPTION USING
                ERRCODE = '23514',
                MESSAGE = format(
                    'service_catalog: medicine_master %s is superseded by %s; '
                    'list the current version',
                    NEW.ref_id, v_successor
                ),
                HINT = 'The catalog always points at the newest version of a medicine.';
        END IF;
    END IF;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION public.service_catalog_check_ref() IS
'Constraint trigger (AFTER, per row) on service_catalog, the polymorphic foreign key: '
'refuses a ref_id missing from its ref_table, or a ref_table that does not exist yet '
'(23503); a superseded medicine version (23514); and a change of service_type or ref_table '
'of an existing row (55000). SECURITY DEFINER: like a declared foreign key it sees every '
'row, whatever RLS shows the caller.';

REVOKE EXECUTE ON FUNCTION public.service_catalog_check_ref() FROM public;

-- A constraint trigger runs AFTER the row is written, so the CHECK above speaks first
-- when the mapping is wrong, and the lock taken on the master row is held to commit.
CREATE CONSTRAINT TRIGGER service_catalog_check_ref
AFTER INSERT OR UPDATE OF service_type, ref_table, ref_id ON public.service_catalog
FOR EACH ROW EXECUTE FUNCTION public.service_catalog_check_ref();

CREATE FUNCTION public.service_catalog_guard_master()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_catalog_id uuid;
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        IF EXISTS (
            SELECT 1 FROM public.service_catalog AS c WHERE c.ref_table = TG_TABLE_NAME
        ) THEN
            RAISE EXCEPTION USING
                ERRCODE = '23503',
                MESSAGE = format(
                    'cannot truncate public.%s: service_catalog still lists its rows',
                    TG_TABLE_NAME
                ),
                HINT = 'Delete or re-point those catalog rows first.';
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
        RETURN NEW;
    END IF;
    SELECT c.id INTO v_catalog_id
    FROM public.service_catalog AS c
    WHERE c.ref_table = TG_TABLE_NAME AND c.ref_id = OLD.id;
    IF v_catalog_id IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '23503',
            MESSAGE = format(
                '%s %s is listed in service_catalog (row %s) and cannot be %s',
                TG_TABLE_NAME, OLD.id, v_catalog_id,
                CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'renumbered' END
            ),
            HINT = 'Set service_catalog.is_active = false to withdraw it from sale.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.service_catalog_guard_master() IS
'Trigger for every master table listed by service_catalog (attach it to new masters such as '
'content_master too): refuses (23503) deleting a row, changing its id, or truncating the '
'table while service_catalog still lists it. SECURITY DEFINER so that RLS cannot hide a '
'listing from the check.';

REVOKE EXECUTE ON FUNCTION public.service_catalog_guard_master() FROM public;

CREATE TRIGGER medicine_master_refuse_delete_while_listed
BEFORE DELETE OR UPDATE OF id ON public.medicine_master
FOR EACH ROW EXECUTE FUNCTION public.service_catalog_guard_master();
CREATE TRIGGER medicine_master_refuse_truncate_while_listed
BEFORE TRUNCATE ON public.medicine_master
FOR EACH STATEMENT EXECUTE FUNCTION public.service_catalog_guard_master();

CREATE TRIGGER lab_tests_refuse_delete_while_listed
BEFORE DELETE OR UPDATE OF id ON public.lab_tests
FOR EACH ROW EXECUTE FUNCTION public.service_catalog_guard_master();
CREATE TRIGGER lab_tests_refuse_truncate_while_listed
BEFORE TRUNCATE ON public.lab_tests
FOR EACH STATEMENT EXECUTE FUNCTION public.service_catalog_guard_master();

CREATE TRIGGER scans_master_refuse_delete_while_listed
BEFORE DELETE OR UPDATE OF id ON public.scans_master
FOR EACH ROW EXECUTE FUNCTION public.service_catalog_guard_master();
CREATE TRIGGER scans_master_refuse_truncate_while_listed
BEFORE TRUNCATE ON public.scans_master
FOR EACH STATEMENT EXECUTE FUNCTION public.service_catalog_guard_master();

CREATE TRIGGER doctors_refuse_delete_while_listed
BEFORE DELETE OR UPDATE OF id ON public.doctors
FOR EACH ROW EXECUTE FUNCTION public.service_catalog_guard_master();
CREATE TRIGGER doctors_refuse_truncate_while_listed
BEFORE TRUNCATE ON public.doctors
FOR EACH STATEMENT EXECUTE FUNCTION public.service_catalog_guard_master();

CREATE TRIGGER services_master_refuse_delete_while_listed
BEFORE DELETE OR UPDATE OF id ON public.services_master
FOR EACH ROW EXECUTE FUNCTION public.service_catalog_guard_master();
CREATE TRIGGER services_master_refuse_truncate_while_listed
BEFORE TRUNCATE ON public.services_master
FOR EACH STATEMENT EXECUTE FUNCTION public.service_catalog_guard_master();

ALTER TABLE public.service_catalog ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.service_catalog TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.service_catalog TO authenticated;
GRANT ALL ON public.service_catalog TO service_role;

COMMIT;
