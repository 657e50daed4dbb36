-- Deploy onemedi:medicine_master to pg
-- requires: set_updated_at
-- requires: extensions

BEGIN;

CREATE TYPE public.drug_schedule AS ENUM ('OTC', 'H', 'H1', 'X');

COMMENT ON TYPE public.drug_schedule IS
'Drugs and Cosmetics Rules schedule of a medicine: OTC (not scheduled), H and H1 '
'(prescription only; H1 also kept in a register for 3 years) and X (narcotic and '
'psychotropic: prescription in duplicate, never by teleconsultation).';

CREATE TABLE public.medicine_master (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    version integer NOT NULL DEFAULT 1,
    parent_id uuid,
    parent_version integer GENERATED ALWAYS AS (version - 1) STORED,
    name text NOT NULL,
    generic_name text,
    hsn_code text NOT NULL,
    prescription_required boolean NOT NULL DEFAULT FALSE,
    drug_schedule public.drug_schedule NOT NULL DEFAULT 'OTC',
    manufacturer text,
    dosage_form text,
    strength text,
    pack_size text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT medicine_master_version_positive CHECK (version >= 1),
    CONSTRAINT medicine_master_first_version_has_no_parent
    CHECK ((parent_id IS NULL) = (version = 1)),
    CONSTRAINT medicine_master_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT medicine_master_generic_name_not_blank CHECK (btrim(generic_name) <> ''),
    CONSTRAINT medicine_master_hsn_code_format
    CHECK (hsn_code ~ '^([0-9]{4}|[0-9]{6}|[0-9]{8})$'),
    CONSTRAINT medicine_master_scheduled_drug_needs_prescription
    CHECK (drug_schedule = 'OTC' OR prescription_required),
    CONSTRAINT medicine_master_id_version_key UNIQUE (id, version),
    CONSTRAINT medicine_master_one_successor UNIQUE (parent_id),
    CONSTRAINT medicine_master_version_follows_parent
    FOREIGN KEY (parent_id, parent_version)
    REFERENCES public.medicine_master (id, version) ON DELETE RESTRICT
);

COMMENT ON TABLE public.medicine_master IS
'Medicines as sold, one row per version. The versions of one medicine form a single chain '
'(v1 <- v2 <- v3 through parent_id); a superseded version is never edited, so an old order '
'line can always be read against the version it was sold as. Publish a new version with '
'public.publish_medicine_version().';
COMMENT ON COLUMN public.medicine_master.version IS
'1 for the first version, the parent''s version + 1 for each later one.';
COMMENT ON COLUMN public.medicine_master.parent_id IS
'The version this row supersedes; NULL exactly for version 1.';
COMMENT ON COLUMN public.medicine_master.parent_version IS
'Generated (version - 1): with parent_id it forms the foreign key that makes a version '
'follow its parent''s version by exactly one.';
COMMENT ON COLUMN public.medicine_master.generic_name IS
'Salt or composition (e.g. Paracetamol 500 mg); searched with the brand name.';
COMMENT ON COLUMN public.medicine_master.hsn_code IS
'HSN code of the goods (4, 6 or 8 digits) that decides the GST rate.';
COMMENT ON COLUMN public.medicine_master.prescription_required IS
'True when a pharmacy may dispense only against a prescription. Always true for schedules '
'H, H1 and X; may also be true for an OTC medicine by policy.';
COMMENT ON COLUMN public.medicine_master.drug_schedule IS
'Legal schedule; decides prescription and register rules (see type drug_schedule).';
COMMENT ON COLUMN public.medicine_master.dosage_form IS
'Tablet, capsule, syrup, injection... as printed on the pack.';
COMMENT ON COLUMN public.medicine_master.pack_size IS
'Pack as sold, e.g. ''strip of 10 tablets''.';

COMMENT ON CONSTRAINT medicine_master_version_positive ON public.medicine_master IS
'Refuses a version number below 1.';
COMMENT ON CONSTRAINT medicine_master_first_version_has_no_parent ON public.medicine_master IS
'Refuses a version 1 with a parent, and a later version without one.';
COMMENT ON CONSTRAINT medicine_master_name_not_blank ON public.medicine_master IS
'Refuses an empty or blank name.';
COMMENT ON CONSTRAINT medicine_master_generic_name_not_blank ON public.medicine_master IS
'Refuses a blank generic name (leave it NULL when unknown).';
COMMENT ON CONSTRAINT medicine_master_hsn_code_format ON public.medicine_master IS
'Refuses an HSN code that is not 4, 6 or 8 digits.';
COMMENT ON CONSTRAINT medicine_master_scheduled_drug_needs_prescription
ON public.medicine_master IS
'Refuses a schedule H, H1 or X medicine that does not require a prescription.';
COMMENT ON CONSTRAINT medicine_master_id_version_key ON public.medicine_master IS
'Target of medicine_master_version_follows_parent (id is already unique).';
COMMENT ON CONSTRAINT medicine_master_one_successor ON public.medicine_master IS
'Refuses a second successor of the same version: the chain never forks.';
COMMENT ON CONSTRAINT medicine_master_version_follows_parent ON public.medicine_master IS
'Refuses a parent that does not exist or whose version is not exactly one less; since '
'versions strictly grow along the chain, it also makes cycles impossible.';

CREATE INDEX medicine_master_search_fts ON public.medicine_master
USING gin (
    to_tsvector('simple'::regconfig, name || ' ' || coalesce(generic_name, ''))
);
CREATE INDEX medicine_master_name_trgm ON public.medicine_master
USING gin (name extensions.gin_trgm_ops);
CREATE INDEX medicine_master_generic_name_trgm ON public.medicine_master
USING gin (generic_name extensions.gin_trgm_ops);

COMMENT ON INDEX public.medicine_master_search_fts IS
'Full-text search over brand and generic name (design section 5).';
COMMENT ON INDEX public.medicine_master_name_trgm IS
'Trigram index: typo-tolerant and infix search on the brand name.';
COMMENT ON INDEX public.medicine_master_generic_name_trgm IS
'Trigram index: typo-tolerant and infix search on the generic name.';

CREATE TRIGGER medicine_master_set_updated_at
BEFORE UPDATE ON public.medicine_master
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

CREATE FUNCTION public.medicine_master_refuse_superseded_edit()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id
        OR NEW.version IS DISTINCT FROM OLD.version
        OR NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
        RAISE EXCEPTION USING
            ERRCODE = '55000',
            MESSAGE = format(
                'medicine_master %s: id, version and parent_id never change '
                '(version %s, parent %s)',
                OLD.id, OLD.version, coalesce(OLD.parent_id::text, 'none')
            ),
            HINT = 'Publish a new version with public.publish_medicine_version().';
    END IF;
    -- parent_version is generated after BEFORE triggers run: leave it out of the comparison.
    IF (to_jsonb(NEW) - '{updated_at,parent_version}'::text [])
        IS DISTINCT FROM (to_jsonb(OLD) - '{updated_at,parent_version}'::text [])
        AND EXISTS (
            SELECT 1 FROM public.medicine_master AS m WHERE m.parent_id = OLD.id
        ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '55000',
            MESSAGE = format(
                'medicine_master %s (version %s) is superseded and cannot be edited',
                OLD.id, OLD.version
            ),
            HINT = 'Edit the current version, or publish a new one with '
            'public.publish_medicine_version().';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.medicine_master_refuse_superseded_edit() IS
'Trigger: refuses (SQLSTATE 55000) any change of id, version or parent_id, and any change '
'to a version that has a successor (only a no-op update, which merely touches updated_at, '
'passes).';

REVOKE EXECUTE ON FUNCTION public.medicine_master_refuse_superseded_edit() FROM public;

CREATE TRIGGER medicine_master_refuse_superseded_edit
BEFORE UPDATE ON public.medicine_master
FOR EACH ROW EXECUTE FUNCTION public.medicine_master_refuse_superseded_edit();

ALTER TABLE public.medicine_master ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.medicine_master TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.medicine_master TO authenticated;
GRANT ALL ON public.medicine_master TO service_role;

COMMIT;
