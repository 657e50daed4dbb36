-- Deploy onemedi:schedule_h1_register to pg
-- requires: prescription_checks
-- requires: order_items
-- requires: security_helpers
-- requires: private_schema
-- The Schedule H1 register (Drugs Rules 1945, r.65(3)(1)(h), GSR 588(E) of 2013): for each H1
-- line supplied, the prescriber's name and address, the patient's name, the drug and the
-- quantity, who supplied it and when, kept three years and open for inspection. Append-only:
-- nobody changes an entry, and nobody (owner included) deletes one before three years have
-- passed since the supply; read by the selling vendor's members and admins.

BEGIN;

CREATE TABLE public.schedule_h1_register (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_item_id uuid NOT NULL REFERENCES public.order_items (id) ON DELETE RESTRICT,
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE RESTRICT,
    prescription_check_id uuid NOT NULL
    REFERENCES public.prescription_checks (id) ON DELETE RESTRICT,
    prescriber_name text NOT NULL,
    prescriber_address text NOT NULL,
    patient_name text NOT NULL,
    drug_name text NOT NULL,
    quantity integer NOT NULL,
    pack_size text,
    pharmacist_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE RESTRICT,
    pharmacist_name text,
    supplied_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT schedule_h1_register_one_entry_per_line UNIQUE (order_item_id),
    CONSTRAINT schedule_h1_register_quantity_positive CHECK (quantity > 0),
    CONSTRAINT schedule_h1_register_names_not_blank CHECK (
        btrim(prescriber_name) <> '' AND btrim(prescriber_address) <> ''
        AND btrim(patient_name) <> '' AND btrim(drug_name) <> ''
    )
);

CREATE INDEX schedule_h1_register_vendor_id_supplied_at_idx
ON public.schedule_h1_register (vendor_id, supplied_at DESC);
CREATE INDEX schedule_h1_register_prescription_check_id_idx
ON public.schedule_h1_register (prescription_check_id);
CREATE INDEX schedule_h1_register_pharmacist_id_idx
ON public.schedule_h1_register (pharmacist_id);

ALTER TABLE public.schedule_h1_register ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.schedule_h1_register IS
'The Schedule H1 register of each pharmacy (Drugs Rules 1945 r.65(3)(1)(h)): one entry per H1 '
'order line supplied, written when the order leaves for delivery from the pharmacist''s '
'verification; append-only, kept three years from the supply (also through DPDP erasure: a '
'legal obligation), open to the vendor''s members and admins for inspection.';
COMMENT ON COLUMN public.schedule_h1_register.order_item_id IS
'The order line supplied; one entry per line.';
COMMENT ON COLUMN public.schedule_h1_register.vendor_id IS
'The pharmacy (licensee) that supplied the drug.';
COMMENT ON COLUMN public.schedule_h1_register.prescription_check_id IS
'The pharmacist''s verification the entry was written from.';
COMMENT ON COLUMN public.schedule_h1_register.prescriber_name IS
'Name of the prescribing doctor, as the pharmacist read it on the prescription.';
COMMENT ON COLUMN public.schedule_h1_register.prescriber_address IS
'Address of the prescribing doctor, as the pharmacist read it on the prescription.';
COMMENT ON COLUMN public.schedule_h1_register.patient_name IS
'Name of the patient (the ordering profile''s name at the time of supply); kept through '
'erasure for three years.';
COMMENT ON COLUMN public.schedule_h1_register.drug_name IS
'Name of the drug as sold (the line''s snapshot name, with its strength when known).';
COMMENT ON COLUMN public.schedule_h1_register.quantity IS
'Quantity supplied, in packs of pack_size.';
COMMENT ON COLUMN public.schedule_h1_register.pharmacist_id IS
'The pharmacist who verified the prescription, under whose supervision it was supplied.';
COMMENT ON COLUMN public.schedule_h1_register.pharmacist_name IS
'That pharmacist''s name at the time of supply (NULL when the profile had none).';
COMMENT ON COLUMN public.schedule_h1_register.supplied_at IS
'When the order left for delivery (the time of supply); the three years run from here.';
COMMENT ON CONSTRAINT schedule_h1_register_one_entry_per_line ON public.schedule_h1_register IS
'Refuses a second entry for the same order line.';
COMMENT ON CONSTRAINT schedule_h1_register_quantity_positive ON public.schedule_h1_register IS
'Refuses a quantity below 1.';
COMMENT ON CONSTRAINT schedule_h1_register_names_not_blank ON public.schedule_h1_register IS
'Refuses a blank prescriber name or address, patient name or drug name.';

CREATE FUNCTION private.schedule_h1_register_retained()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = ''
AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM106',
            MESSAGE = pg_catalog.format(
                'the Schedule H1 register is append-only: entry %s cannot be changed', OLD.id
            ),
            HINT = 'A register entry is a legal record; record a correction as a new note '
            || 'outside the register, never by editing it.';
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM107',
            MESSAGE = 'the Schedule H1 register cannot be truncated: entries are kept three '
            || 'years',
            HINT = 'Delete entries whose three years have passed, one by one or by date.';
    END IF;
    IF OLD.supplied_at > pg_catalog.now() - interval '3 years' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM107',
            MESSAGE = pg_catalog.format(
                'entry %s of the Schedule H1 register is kept until %s (three years after '
                || 'the supply)',
                OLD.id, (OLD.supplied_at + interval '3 years')::date
            ),
            HINT = 'Drugs Rules r.65: the register is kept three years and open for inspection.';
    END IF;
    RETURN OLD;
END
$$;

COMMENT ON FUNCTION private.schedule_h1_register_retained() IS
'BEFORE UPDATE OR DELETE row and BEFORE TRUNCATE statement trigger of schedule_h1_register, '
'for every role (the owner included): OM106 on any UPDATE (append-only); OM107 on TRUNCATE, '
'and on DELETE of an entry supplied less than three years ago.';

REVOKE ALL ON FUNCTION private.schedule_h1_register_retained()
FROM anon, authenticated, service_role, public;

CREATE TRIGGER schedule_h1_register_retained
BEFORE UPDATE OR DELETE ON public.schedule_h1_register
FOR EACH ROW EXECUTE FUNCTION private.schedule_h1_register_retained();

CREATE TRIGGER schedule_h1_register_not_truncated
BEFORE TRUNCATE ON public.schedule_h1_register
FOR EACH STATEMENT EXECUTE FUNCTION private.schedule_h1_register_retained();

REVOKE ALL ON public.schedule_h1_register FROM anon, authenticated, service_role, public;
GRANT SELECT ON public.schedule_h1_register TO authenticated;
GRANT SELECT, DELETE ON public.schedule_h1_register TO service_role;

CREATE POLICY "vendor members read their H1 register, admins all"
ON public.schedule_h1_register
FOR SELECT
TO authenticated
USING (
    vendor_id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

COMMIT;
