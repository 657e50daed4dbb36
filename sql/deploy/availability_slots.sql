-- Deploy onemedi:availability_slots to pg
-- requires: service_catalog
-- requires: vendor_locations
-- requires: set_updated_at

BEGIN;

CREATE TABLE public.availability_slots (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_catalog_id uuid NOT NULL
    REFERENCES public.service_catalog (id) ON DELETE CASCADE,
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE CASCADE,
    branch_id uuid,
    start_time timestamptz NOT NULL,
    end_time timestamptz NOT NULL,
    capacity integer NOT NULL DEFAULT 1,
    booked_count integer NOT NULL DEFAULT 0,
    version integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT availability_slots_branch_of_vendor
    FOREIGN KEY (vendor_id, branch_id)
    REFERENCES public.vendor_locations (vendor_id, id) ON DELETE CASCADE,
    CONSTRAINT availability_slots_ends_after_start CHECK (end_time > start_time),
    CONSTRAINT availability_slots_capacity_positive CHECK (capacity > 0),
    CONSTRAINT availability_slots_booked_within_capacity
    CHECK (booked_count >= 0 AND booked_count <= capacity),
    CONSTRAINT availability_slots_version_not_negative CHECK (version >= 0)
);

COMMENT ON TABLE public.availability_slots IS
'Bookable time slots of a catalog item (doctor consultation, lab collection, scan, home '
'service) at a vendor. Booking increments booked_count under optimistic locking: '
'UPDATE ... WHERE id = $1 AND version = $seen; zero rows updated means someone else won.';
COMMENT ON COLUMN public.availability_slots.service_catalog_id IS
'What is booked in this slot (the catalog row of the doctor, test, scan or service).';
COMMENT ON COLUMN public.availability_slots.vendor_id IS
'Vendor offering the slot (what RLS checks).';
COMMENT ON COLUMN public.availability_slots.branch_id IS
'Branch where the slot takes place; NULL for home visits and teleconsultations. When set, '
'it must be a branch of vendor_id.';
COMMENT ON COLUMN public.availability_slots.capacity IS
'How many bookings the slot takes.';
COMMENT ON COLUMN public.availability_slots.booked_count IS
'Bookings taken so far; the slot is open while booked_count < capacity.';
COMMENT ON COLUMN public.availability_slots.version IS
'Optimistic-locking counter, raised by one on every update by trigger '
'availability_slots_bump_version.';
COMMENT ON CONSTRAINT availability_slots_branch_of_vendor ON public.availability_slots IS
'Refuses a branch that does not exist or belongs to another vendor.';
COMMENT ON CONSTRAINT availability_slots_ends_after_start ON public.availability_slots IS
'Refuses a slot that ends at or before its start.';
COMMENT ON CONSTRAINT availability_slots_capacity_positive ON public.availability_slots IS
'Refuses a slot with no capacity.';
COMMENT ON CONSTRAINT availability_slots_booked_within_capacity ON public.availability_slots IS
'Refuses a negative booked count or more bookings than the slot''s capacity (overbooking).';
COMMENT ON CONSTRAINT availability_slots_version_not_negative ON public.availability_slots IS
'Refuses a negative version.';

CREATE INDEX availability_slots_service_catalog_id_start_time_idx
ON public.availability_slots (service_catalog_id, start_time);
CREATE INDEX availability_slots_vendor_id_branch_id_idx
ON public.availability_slots (vendor_id, branch_id);
CREATE INDEX availability_slots_open_start_time_idx
ON public.availability_slots (start_time)
WHERE booked_count < capacity;

COMMENT ON INDEX public.availability_slots_open_start_time_idx IS
'Partial B-tree over open slots only (design section 5): finding the next free slots.';

CREATE TRIGGER availability_slots_set_updated_at
BEFORE UPDATE ON public.availability_slots
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

CREATE FUNCTION public.availability_slots_bump_version()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.availability_slots_bump_version() IS
'BEFORE UPDATE trigger: sets version to the old version + 1 on every update, whatever the '
'statement wrote, so optimistic locking cannot be bypassed. Raises nothing.';

REVOKE EXECUTE ON FUNCTION public.availability_slots_bump_version() FROM public;

CREATE TRIGGER availability_slots_bump_version
BEFORE UPDATE ON public.availability_slots
FOR EACH ROW EXECUTE FUNCTION public.availability_slots_bump_version();

ALTER TABLE public.availability_slots ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON public.availability_slots TO anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.availability_slots TO authenticated;
GRANT ALL ON public.availability_slots TO service_role;

COMMIT;
