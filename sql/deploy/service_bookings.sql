-- Deploy onemedi:service_bookings to pg
-- How an ordered service is carried out: for which patient (the ordering profile or one of
-- its family members), in which slot, and where fulfilment stands.

BEGIN;

CREATE TYPE public.fulfillment_status AS ENUM (
    'PENDING', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW'
);
COMMENT ON TYPE public.fulfillment_status IS
'Where the delivery of a booked service stands, from PENDING to COMPLETED, CANCELLED or '
'NO_SHOW.';

CREATE TABLE public.service_bookings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_item_id uuid NOT NULL REFERENCES public.order_items (id) ON DELETE RESTRICT,
    patient_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE RESTRICT,
    family_member_id uuid REFERENCES public.family_members (id) ON DELETE RESTRICT,
    slot_id uuid REFERENCES public.availability_slots (id) ON DELETE RESTRICT,
    fulfillment_status public.fulfillment_status NOT NULL DEFAULT 'PENDING',
    clinical_notes text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_bookings_clinical_notes_not_blank CHECK (btrim(clinical_notes) <> '')
);

CREATE INDEX service_bookings_order_item_id_idx ON public.service_bookings (order_item_id);
CREATE INDEX service_bookings_patient_id_idx ON public.service_bookings (patient_id);
CREATE INDEX service_bookings_family_member_id_idx ON public.service_bookings (
    family_member_id
);
CREATE INDEX service_bookings_slot_id_idx ON public.service_bookings (slot_id);

CREATE FUNCTION public.service_bookings_patient_and_slot_match()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_profile_id uuid;
    v_catalog_id uuid;
    v_vendor_id uuid;
BEGIN
    SELECT o.profile_id, i.service_catalog_id, i.vendor_id
    INTO v_profile_id, v_catalog_id, v_vendor_id
    FROM public.order_items AS i
    INNER JOIN public.orders AS o ON i.order_id = o.id
    WHERE i.id = NEW.order_item_id;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key reports the missing order item
    END IF;
    IF NEW.patient_id <> v_profile_id THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'booking patient %s is not the profile %s that placed the order',
                NEW.patient_id, v_profile_id
            ),
            HINT = 'patient_id is the ordering profile; name a dependent in family_member_id.';
    END IF;
    IF NEW.family_member_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM public.family_members AS f
        WHERE f.id = NEW.family_member_id AND f.owner_id = NEW.patient_id
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'family member %s does not belong to profile %s',
                NEW.family_member_id, NEW.patient_id
            ),
            HINT = 'Book only for the profile itself or one of its own family members.';
    END IF;
    IF NEW.slot_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM public.availability_slots AS s
        WHERE
            s.id = NEW.slot_id
            AND s.service_catalog_id = v_catalog_id
            AND s.vendor_id = v_vendor_id
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'slot %s is not a slot of the ordered item''s service and vendor', NEW.slot_id
            ),
            HINT = 'Pick a slot with the order item''s service_catalog_id and vendor_id.';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.service_bookings_patient_and_slot_match() IS
'BEFORE INSERT OR UPDATE trigger of service_bookings: raises 23514 when patient_id is not '
'the profile of the order, when family_member_id is not owned by patient_id, or when the '
'slot is not for the order item''s service and vendor. Security definer so that it can read '
'rows the caller''s RLS policies hide.';

REVOKE EXECUTE ON FUNCTION public.service_bookings_patient_and_slot_match() FROM public;

CREATE TRIGGER service_bookings_patient_and_slot_match
BEFORE INSERT OR UPDATE OF order_item_id, patient_id, family_member_id, slot_id
ON public.service_bookings
FOR EACH ROW EXECUTE FUNCTION public.service_bookings_patient_and_slot_match();

CREATE TRIGGER service_bookings_set_updated_at
BEFORE UPDATE ON public.service_bookings
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.service_bookings ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.service_bookings IS
'The execution of an ordered service for one patient: who, when (slot) and how far along.';
COMMENT ON COLUMN public.service_bookings.patient_id IS
'The ordering profile; the patient is that profile itself unless family_member_id is set.';
COMMENT ON COLUMN public.service_bookings.family_member_id IS
'The dependent of patient_id who is the actual patient; NULL when the profile is.';
COMMENT ON COLUMN public.service_bookings.slot_id IS
'The reserved availability slot; NULL for services without slots (e.g. deliveries).';
COMMENT ON COLUMN public.service_bookings.clinical_notes IS
'Free-text notes of the clinician or technician; sensitive health data.';
COMMENT ON CONSTRAINT service_bookings_clinical_notes_not_blank ON public.service_bookings IS
'Refuses empty or all-blank notes (leave them NULL instead).';

GRANT SELECT, INSERT, UPDATE ON public.service_bookings TO authenticated;
GRANT ALL ON public.service_bookings TO service_role;

COMMIT;
