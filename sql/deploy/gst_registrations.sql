-- Deploy onemedi:gst_registrations to pg
-- requires: vendors
-- requires: vendor_kyc
-- requires: states
-- requires: is_valid_gstin
-- requires: security_helpers
-- requires: private_schema
-- A vendor registers for GST in each state it supplies from (CGST Act s.25(1)); each
-- registration has its own GSTIN and numbers its own documents. Checkout refuses a taxable
-- sale from a state where the vendor has no registration in force. Existing GSTINs of
-- vendor_kyc become registrations; the ones that cannot are listed in a WARNING.

BEGIN;

CREATE TYPE public.gst_registration_type AS ENUM (
    'REGULAR', 'COMPOSITION', 'CASUAL', 'TDS', 'TCS', 'NON_RESIDENT', 'UIN'
);

COMMENT ON TYPE public.gst_registration_type IS
'Kind of GST registration, which fixes the GSTIN''s format: REGULAR, COMPOSITION and '
'CASUAL taxpayers (PAN-based, Z at position 14), TDS deductors (PAN or TAN, D), TCS '
'collectors such as e-commerce operators (PAN, C), NON_RESIDENT taxable persons (year, '
'country, serial, N) and UIN holders such as UN bodies and embassies (year, country, '
'serial, UN).';

CREATE FUNCTION private.is_valid_gst_registration(
    p_gstin text, p_type public.gst_registration_type
)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = ''
AS $$
    SELECT
        p_gstin ~ (
            '^(0[1-9]|1[0-9]|2[0-46-7]|29|3[0-8]|97)'
            || CASE p_type
                WHEN 'TDS' THEN '([A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z]|[A-Z]{4}[0-9]{5}[A-Z])'
                || '[1-9A-Z]D'
                WHEN 'TCS' THEN '[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z][1-9A-Z]C'
                WHEN 'NON_RESIDENT' THEN '[0-9]{2}[A-Z]{3}[0-9]{5}N[0-9A-Z]'
                WHEN 'UIN' THEN '[0-9]{2}[A-Z]{3}[0-9]{5}UN'
                ELSE '[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z][1-9A-Z]Z'
            END
            || '[0-9A-Z]$'
        )
        AND pg_catalog.substr(p_gstin, 15, 1) = private.gstin_check_character(p_gstin)
$$;

COMMENT ON FUNCTION private.is_valid_gst_registration(text, public.gst_registration_type) IS
'True when p_gstin has the format of its registration type and the right check character: '
'a GST state code of public.states, then for REGULAR, COMPOSITION and CASUAL a PAN whose '
'4th character is a holder type (P, C, H, F, A, T, B, L, J, G), an entity number and Z; '
'TCS the same with C; TDS a PAN or a TAN (AAAA99999A) with D; NON_RESIDENT a 2-digit year, '
'a 3-letter country code, a 5-digit serial and N; UIN the same with UN. False otherwise, '
'NULL for NULL; never raises.';

REVOKE ALL ON FUNCTION private.is_valid_gst_registration(text, public.gst_registration_type)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.is_valid_gst_registration(text, public.gst_registration_type)
TO anon, authenticated, service_role;

CREATE TABLE public.gst_registrations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE RESTRICT,
    gstin text NOT NULL,
    registration_type public.gst_registration_type NOT NULL DEFAULT 'REGULAR',
    state_code text GENERATED ALWAYS AS (pg_catalog.left(gstin, 2)) STORED,
    valid_from date NOT NULL,
    valid_to date,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT gst_registrations_gstin_key UNIQUE (gstin),
    CONSTRAINT gst_registrations_state_code_fkey FOREIGN KEY (state_code)
    REFERENCES public.states (code) ON DELETE RESTRICT,
    CONSTRAINT gst_registrations_gstin_matches_type CHECK (
        private.is_valid_gst_registration(gstin, registration_type)
    ),
    CONSTRAINT gst_registrations_valid_to_not_before_from CHECK (
        valid_to IS NULL OR valid_to >= valid_from
    ),
    CONSTRAINT gst_registrations_one_per_vendor_and_state EXCLUDE USING gist (
        vendor_id WITH =,
        state_code WITH =,
        daterange(valid_from, valid_to, '[]') WITH &&
    )
);

CREATE INDEX gst_registrations_state_code_idx ON public.gst_registrations (state_code);

CREATE FUNCTION private.gst_registrations_same_pan()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_other text;
BEGIN
    IF NEW.registration_type IN ('NON_RESIDENT', 'UIN', 'TDS') THEN
        RETURN NEW;  -- no PAN, or a TAN, in the GSTIN
    END IF;
    SELECT r.gstin INTO v_other
    FROM public.gst_registrations AS r
    WHERE
        r.vendor_id = NEW.vendor_id
        AND r.id <> NEW.id
        AND r.registration_type NOT IN ('NON_RESIDENT', 'UIN', 'TDS')
        AND pg_catalog.substr(r.gstin, 3, 10) <> pg_catalog.substr(NEW.gstin, 3, 10)
    LIMIT 1;
    IF v_other IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM076',
            MESSAGE = pg_catalog.format(
                'GSTIN %s is of PAN %s, but vendor %s is registered under PAN %s (%s)',
                NEW.gstin, pg_catalog.substr(NEW.gstin, 3, 10), NEW.vendor_id,
                pg_catalog.substr(v_other, 3, 10), v_other
            ),
            HINT = 'All registrations of one business share its PAN; a business with another '
            || 'PAN is another vendor.';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION private.gst_registrations_same_pan() IS
'BEFORE INSERT OR UPDATE trigger of gst_registrations: raises OM076 when a PAN-based GSTIN '
'of the vendor carries another PAN than the vendor''s other PAN-based registrations.';

REVOKE ALL ON FUNCTION private.gst_registrations_same_pan()
FROM public, anon, authenticated, service_role;

CREATE TRIGGER gst_registrations_same_pan
BEFORE INSERT OR UPDATE OF gstin, vendor_id, registration_type ON public.gst_registrations
FOR EACH ROW EXECUTE FUNCTION private.gst_registrations_same_pan();

CREATE TRIGGER gst_registrations_set_updated_at
BEFORE UPDATE ON public.gst_registrations
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.gst_registrations ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.gst_registrations IS
'A vendor''s GST registration in one state: its GSTIN, kind and period. A vendor supplies '
'taxable goods or services only from a state where it has one in force, and each '
'registration numbers its own tax invoices and bills of supply (see document_counters).';
COMMENT ON COLUMN public.gst_registrations.gstin IS
'The GSTIN (or UIN), upper case, in the format of registration_type.';
COMMENT ON COLUMN public.gst_registrations.state_code IS
'GST state of the registration: the GSTIN''s first two digits (generated).';
COMMENT ON COLUMN public.gst_registrations.valid_from IS
'First day the registration is in force (for a registration taken over from vendor_kyc: '
'the day the KYC record was verified or created).';
COMMENT ON COLUMN public.gst_registrations.valid_to IS
'Last day in force (inclusive), e.g. after cancellation; NULL while in force.';
COMMENT ON CONSTRAINT gst_registrations_gstin_key ON public.gst_registrations IS
'Refuses a GSTIN registered twice: a GSTIN belongs to one registration.';
COMMENT ON CONSTRAINT gst_registrations_gstin_matches_type ON public.gst_registrations IS
'Refuses a GSTIN that does not have the format of its registration type, or whose check '
'character is wrong (see is_valid_gst_registration).';
COMMENT ON CONSTRAINT gst_registrations_valid_to_not_before_from ON public.gst_registrations IS
'Refuses a registration that ends before it starts.';
COMMENT ON CONSTRAINT gst_registrations_one_per_vendor_and_state
ON public.gst_registrations IS
'Refuses two registrations of one vendor in one state in force on the same day: a state''s '
'supplies are invoiced under one GSTIN.';

CREATE POLICY "vendor members read their GST registrations, admins all"
ON public.gst_registrations
FOR SELECT
TO authenticated
USING (
    vendor_id IN (SELECT public.current_vendor_ids())
    OR (SELECT public.is_admin())
);

CREATE POLICY "admins add GST registrations"
ON public.gst_registrations
FOR INSERT
TO authenticated
WITH CHECK (
    (SELECT public.is_admin())
);

CREATE POLICY "admins change GST registrations"
ON public.gst_registrations
FOR UPDATE
TO authenticated
USING (
    (SELECT public.is_admin())
)
WITH CHECK (
    (SELECT public.is_admin())
);

REVOKE ALL ON public.gst_registrations FROM public, anon, authenticated, service_role;
GRANT SELECT, INSERT, UPDATE ON public.gst_registrations TO authenticated;
GRANT ALL ON public.gst_registrations TO service_role;

-- Existing GSTINs: one registration per vendor and state, from the earliest KYC record. A
-- GSTIN that is not in the REGULAR format, or a second one of a vendor in the same state,
-- cannot be taken over without a person deciding; each is listed.
DO $take_over$
DECLARE
    v_row record;
BEGIN
    INSERT INTO public.gst_registrations (vendor_id, gstin, registration_type, valid_from)
    SELECT DISTINCT ON (k.vendor_id, pg_catalog.left(k.gstin, 2))
        k.vendor_id,
        k.gstin,
        'REGULAR',
        (coalesce(k.verified_at, k.created_at) AT TIME ZONE 'Asia/Kolkata')::date
    FROM public.vendor_kyc AS k
    WHERE
        k.gstin IS NOT NULL
        AND private.is_valid_gst_registration(k.gstin, 'REGULAR')
        AND NOT EXISTS (
            SELECT 1 FROM public.vendor_kyc AS other
            WHERE
                other.gstin = k.gstin
                AND other.vendor_id <> k.vendor_id
        )
    ORDER BY k.vendor_id, pg_catalog.left(k.gstin, 2), k.created_at, k.id;
    FOR v_row IN
        SELECT k.vendor_id, k.gstin
        FROM public.vendor_kyc AS k
        WHERE
            k.gstin IS NOT NULL
            AND NOT EXISTS (
                SELECT 1 FROM public.gst_registrations AS r WHERE r.gstin = k.gstin
            )
        ORDER BY k.vendor_id, k.gstin
    LOOP
        RAISE WARNING 'GSTIN % of vendor % was not taken over as a GST registration',
        v_row.gstin, v_row.vendor_id
        USING HINT = 'It is not in the REGULAR format, belongs to two vendors, or is a '
        || 'second GSTIN of the vendor in one state: an admin adds the right registration.';
    END LOOP;
END
$take_over$;

COMMIT;
