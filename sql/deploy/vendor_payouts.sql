-- Deploy onemedi:vendor_payouts to pg
-- The settlement ledger: what each vendor is paid for a period, net of commission and TCS;
-- no day of a vendor is settled twice.

BEGIN;

CREATE TYPE public.payout_status AS ENUM (
    'PENDING', 'PROCESSING', 'PAID', 'FAILED', 'CANCELLED'
);
COMMENT ON TYPE public.payout_status IS
'PENDING, PROCESSING, then PAID or FAILED (retried in place); CANCELLED frees the period.';

CREATE TABLE public.vendor_payouts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE RESTRICT,
    period_start date NOT NULL,
    period_end date NOT NULL,
    gross numeric(12, 2) NOT NULL,
    commission numeric(12, 2) NOT NULL,
    tcs numeric(12, 2) NOT NULL DEFAULT 0,
    net numeric(12, 2) NOT NULL,
    status public.payout_status NOT NULL DEFAULT 'PENDING',
    bank_ref text,
    paid_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vendor_payouts_period_end_not_before_start CHECK (period_end >= period_start),
    CONSTRAINT vendor_payouts_amounts_non_negative CHECK (
        gross >= 0 AND commission >= 0 AND tcs >= 0 AND net >= 0
    ),
    CONSTRAINT vendor_payouts_net_is_gross_less_commission_and_tcs CHECK (
        net = gross - commission - tcs
    ),
    CONSTRAINT vendor_payouts_paid_has_time_and_ref CHECK (
        (status = 'PAID') = (paid_at IS NOT NULL)
        AND (status <> 'PAID' OR bank_ref IS NOT NULL)
    ),
    CONSTRAINT vendor_payouts_no_overlapping_periods EXCLUDE USING gist (
        vendor_id WITH =,
        daterange(period_start, period_end, '[]') WITH &&
    ) WHERE (status <> 'CANCELLED')
);

CREATE INDEX vendor_payouts_vendor_id_period_start_idx ON public.vendor_payouts (
    vendor_id, period_start DESC
);

CREATE TRIGGER vendor_payouts_set_updated_at
BEFORE UPDATE ON public.vendor_payouts
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.vendor_payouts ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.vendor_payouts IS
'What the platform pays a vendor for a settlement period: gross sales less commission and '
'the TCS the e-commerce operator withholds.';
COMMENT ON COLUMN public.vendor_payouts.period_start IS 'First day settled (inclusive).';
COMMENT ON COLUMN public.vendor_payouts.period_end IS 'Last day settled (inclusive).';
COMMENT ON COLUMN public.vendor_payouts.gross IS
'The vendor''s collected sales in the period, in rupees.';
COMMENT ON COLUMN public.vendor_payouts.commission IS 'The platform''s commission, in rupees.';
COMMENT ON COLUMN public.vendor_payouts.tcs IS
'GST tax collected at source by the operator (s.52 CGST Act, 0.5% of net taxable supplies '
'since 10 July 2024); 0 when none.';
COMMENT ON COLUMN public.vendor_payouts.net IS
'Paid to the vendor: gross - commission - tcs.';
COMMENT ON COLUMN public.vendor_payouts.bank_ref IS
'Bank transfer reference (UTR); required once PAID.';
COMMENT ON COLUMN public.vendor_payouts.paid_at IS
'When the transfer succeeded; set exactly when status is PAID.';
COMMENT ON INDEX public.vendor_payouts_vendor_id_period_start_idx IS
'A vendor''s payouts newest first; also the index of the vendor_id foreign key.';
COMMENT ON CONSTRAINT vendor_payouts_period_end_not_before_start ON public.vendor_payouts IS
'Refuses a period that ends before it starts.';
COMMENT ON CONSTRAINT vendor_payouts_amounts_non_negative ON public.vendor_payouts IS
'Refuses a negative gross, commission, TCS or net.';
COMMENT ON CONSTRAINT vendor_payouts_net_is_gross_less_commission_and_tcs
ON public.vendor_payouts IS
'Refuses a net other than gross - commission - tcs.';
COMMENT ON CONSTRAINT vendor_payouts_paid_has_time_and_ref ON public.vendor_payouts IS
'Refuses a PAID payout without paid_at or bank reference, and paid_at on one not PAID.';
COMMENT ON CONSTRAINT vendor_payouts_no_overlapping_periods ON public.vendor_payouts IS
'Refuses a payout covering a day already covered by another payout of the same vendor '
'that is not CANCELLED.';

GRANT SELECT ON public.vendor_payouts TO authenticated;
GRANT ALL ON public.vendor_payouts TO service_role;

COMMIT;
