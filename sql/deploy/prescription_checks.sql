-- Deploy onemedi:prescription_checks to pg
-- requires: order_artifacts
-- requires: orders
-- requires: vendors
-- requires: profiles
-- requires: security_helpers
-- A pharmacist's check of an uploaded prescription: a staff member of the vendor that sells
-- the order's prescription lines verified it (and, for Schedule H1, read the prescriber's name
-- and address from it) or rejected it with a reason; who and when. Written only by
-- check_prescription; kept as the prescription record when the patient is erased.

BEGIN;

CREATE TYPE public.prescription_check_outcome AS ENUM ('VERIFIED', 'REJECTED');

COMMENT ON TYPE public.prescription_check_outcome IS
'VERIFIED: the pharmacist accepts the prescription for the vendor''s prescription lines of the '
'order; REJECTED: not acceptable (illegible, expired, another patient, wrong drug...).';

CREATE TABLE public.prescription_checks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES public.orders (id) ON DELETE RESTRICT,
    artifact_id uuid REFERENCES public.order_artifacts (id) ON DELETE SET NULL,
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE RESTRICT,
    checked_by uuid NOT NULL REFERENCES public.profiles (id) ON DELETE RESTRICT,
    outcome public.prescription_check_outcome NOT NULL,
    reason text,
    prescriber_name text,
    prescriber_address text,
    checked_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT prescription_checks_one_per_artifact_and_vendor UNIQUE (artifact_id, vendor_id),
    CONSTRAINT prescription_checks_rejection_has_reason CHECK (
        (outcome = 'REJECTED') = (reason IS NOT NULL)
    ),
    CONSTRAINT prescription_checks_reason_readable CHECK (
        btrim(reason) <> '' AND length(reason) <= 500
    ),
    CONSTRAINT prescription_checks_prescriber_only_when_verified CHECK (
        outcome = 'VERIFIED' OR (prescriber_name IS NULL AND prescriber_address IS NULL)
    ),
    CONSTRAINT prescription_checks_prescriber_readable CHECK (
        btrim(prescriber_name) <> '' AND length(prescriber_name) <= 200
        AND btrim(prescriber_address) <> '' AND length(prescriber_address) <= 500
    )
);

CREATE INDEX prescription_checks_order_id_idx ON public.prescription_checks (order_id);
CREATE INDEX prescription_checks_vendor_id_idx ON public.prescription_checks (vendor_id);
CREATE INDEX prescription_checks_checked_by_idx ON public.prescription_checks (checked_by);

ALTER TABLE public.prescription_checks ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.prescription_checks IS
'One pharmacist''s check of one uploaded prescription for one vendor of the order (Drugs '
'Rules r.65: supply against a prescription under a registered pharmacist''s supervision). The '
'prescription gate (OM022) opens only on a VERIFIED check by each prescription line''s vendor. '
'Written only by check_prescription; never edited through the API.';
COMMENT ON COLUMN public.prescription_checks.artifact_id IS
'The prescription file checked (order_artifacts, type PRESC); NULL once erasure removed the '
'file and its link (the check itself stays as the prescription record).';
COMMENT ON COLUMN public.prescription_checks.vendor_id IS
'The vendor for whose prescription lines of the order the check was made.';
COMMENT ON COLUMN public.prescription_checks.checked_by IS
'The staff member (pharmacist) who checked; a signed-in member of vendor_id.';
COMMENT ON COLUMN public.prescription_checks.reason IS
'Why the prescription was rejected, shown to the patient; NULL when VERIFIED. Redacted to '
'''[erased]'' when the patient is erased.';
COMMENT ON COLUMN public.prescription_checks.prescriber_name IS
'The prescribing doctor''s name as written on the prescription; required for a vendor with '
'Schedule H1 lines in the order (it goes into schedule_h1_register at dispatch).';
COMMENT ON COLUMN public.prescription_checks.prescriber_address IS
'The prescribing doctor''s address as written on the prescription (Schedule H1 register).';
COMMENT ON CONSTRAINT prescription_checks_one_per_artifact_and_vendor
ON public.prescription_checks IS
'Refuses a second check of the same file for the same vendor: a rejected prescription is '
'replaced by a new upload, which is checked afresh.';
COMMENT ON CONSTRAINT prescription_checks_rejection_has_reason ON public.prescription_checks IS
'Refuses a REJECTED check without a reason, and a VERIFIED one with a reason.';
COMMENT ON CONSTRAINT prescription_checks_reason_readable ON public.prescription_checks IS
'Refuses a blank reason or one longer than 500 characters.';
COMMENT ON CONSTRAINT prescription_checks_prescriber_only_when_verified
ON public.prescription_checks IS
'Refuses prescriber details on a REJECTED check (nothing is supplied against it).';
COMMENT ON CONSTRAINT prescription_checks_prescriber_readable ON public.prescription_checks IS
'Refuses a blank prescriber name or address, a name over 200 or an address over 500 '
'characters.';

REVOKE ALL ON public.prescription_checks FROM anon, authenticated, service_role, public;
GRANT SELECT ON public.prescription_checks TO authenticated, service_role;

CREATE POLICY "patients read their Rx checks, vendors theirs, admins all"
ON public.prescription_checks
FOR SELECT
TO authenticated
USING (
    order_id IN (SELECT o.id FROM public.orders AS o WHERE o.profile_id = (SELECT auth.uid()))
    OR vendor_id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

COMMIT;
