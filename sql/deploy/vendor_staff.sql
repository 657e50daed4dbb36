-- Deploy onemedi:vendor_staff to pg
-- Who works for a vendor (portal users), optionally tied to one of its branches.
-- has_vendor_access(vendor_id) reads this table by user_id.

BEGIN;

CREATE TABLE public.vendor_staff (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    branch_id uuid,
    access_level text NOT NULL DEFAULT 'STAFF',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vendor_staff_vendor_id_user_id_key UNIQUE (vendor_id, user_id),
    CONSTRAINT vendor_staff_branch_of_same_vendor FOREIGN KEY (vendor_id, branch_id)
    REFERENCES public.vendor_locations (vendor_id, id) ON DELETE NO ACTION,
    CONSTRAINT vendor_staff_access_level_is_known CHECK (
        access_level IN ('ADMIN', 'MANAGER', 'STAFF', 'VIEWER')
    )
);

CREATE INDEX vendor_staff_user_id_idx ON public.vendor_staff (user_id);
CREATE INDEX vendor_staff_vendor_id_branch_id_idx ON public.vendor_staff (vendor_id, branch_id);

CREATE TRIGGER vendor_staff_set_updated_at
BEFORE UPDATE ON public.vendor_staff
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.vendor_staff ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.vendor_staff IS
'Membership of a profile in a vendor (portal access), one row per vendor and user.';
COMMENT ON COLUMN public.vendor_staff.user_id IS
'The staff member''s profile; deleting the profile ends the membership.';
COMMENT ON COLUMN public.vendor_staff.branch_id IS
'The branch the member works at, one of the same vendor''s; NULL for all branches.';
COMMENT ON COLUMN public.vendor_staff.access_level IS
'ADMIN (manages the vendor and its staff), MANAGER (runs branches), STAFF (fulfils orders), '
'VIEWER (read only).';
COMMENT ON CONSTRAINT vendor_staff_branch_of_same_vendor ON public.vendor_staff IS
'Refuses a branch that is not one of this vendor''s; a branch with staff cannot be deleted.';
COMMENT ON CONSTRAINT vendor_staff_access_level_is_known ON public.vendor_staff IS
'Refuses an access level outside ADMIN, MANAGER, STAFF, VIEWER.';

GRANT SELECT, INSERT, UPDATE, DELETE ON public.vendor_staff TO authenticated;
GRANT ALL ON public.vendor_staff TO service_role;

COMMIT;
