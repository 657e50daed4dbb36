-- Deploy onemedi:tax_slabs to pg
-- GST rates per HSN/SAC code over dated periods (a rate belongs to a date range), with the
-- real slabs for medicines and medical goods before and after the 22 September 2025 change.

BEGIN;

CREATE TABLE public.tax_slabs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    hsn_code text NOT NULL,
    description text NOT NULL,
    cgst numeric(5, 2) NOT NULL,
    sgst numeric(5, 2) NOT NULL,
    igst numeric(5, 2) NOT NULL,
    effective_from date NOT NULL,
    effective_to date,
    notification text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tax_slabs_hsn_code_is_hsn_or_sac CHECK (
        hsn_code ~ '^99[0-9]{2}([0-9]{2})?$'
        OR hsn_code ~ '^(0[1-9]|[1-8][0-9]|9[0-8])[0-9]{2}([0-9]{2}){0,2}$'
    ),
    CONSTRAINT tax_slabs_description_not_blank CHECK (btrim(description) <> ''),
    CONSTRAINT tax_slabs_notification_not_blank CHECK (btrim(notification) <> ''),
    CONSTRAINT tax_slabs_rates_in_range CHECK (
        cgst >= 0 AND sgst >= 0 AND igst >= 0 AND igst <= 100
    ),
    CONSTRAINT tax_slabs_cgst_equals_sgst CHECK (cgst = sgst),
    CONSTRAINT tax_slabs_igst_is_cgst_plus_sgst CHECK (igst = cgst + sgst),
    CONSTRAINT tax_slabs_effective_to_after_from CHECK (
        effective_to IS NULL OR effective_to >= effective_from
    ),
    CONSTRAINT tax_slabs_no_overlap EXCLUDE USING gist (
        hsn_code WITH =,
        daterange(effective_from, effective_to, '[]') WITH &&
    )
);

CREATE TRIGGER tax_slabs_set_updated_at
BEFORE UPDATE ON public.tax_slabs
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.tax_slabs ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.tax_slabs IS
'GST rates of an HSN (goods) or SAC (services) code over a period; a code may have a slab '
'at 4, 6 or 8 digits and the longest prefix in force wins (see public.tax_slab_for).';
COMMENT ON COLUMN public.tax_slabs.hsn_code IS
'HSN chapter heading (4 digits), sub-heading (6) or tariff item (8); or a SAC heading '
'(4 digits starting 99) or service code (6 digits starting 99).';
COMMENT ON COLUMN public.tax_slabs.cgst IS 'Central tax rate in percent on an intra-state supply.';
COMMENT ON COLUMN public.tax_slabs.sgst IS
'State tax (or UTGST in a union territory without legislature) rate in percent on an '
'intra-state supply; always equal to cgst.';
COMMENT ON COLUMN public.tax_slabs.igst IS
'Integrated tax rate in percent on an inter-state supply; always cgst + sgst.';
COMMENT ON COLUMN public.tax_slabs.effective_from IS 'First day the rate applies.';
COMMENT ON COLUMN public.tax_slabs.effective_to IS
'Last day the rate applies (inclusive); NULL while it is still in force.';
COMMENT ON COLUMN public.tax_slabs.notification IS
'The rate notification the slab comes from, e.g. 9/2025-Central Tax (Rate).';
COMMENT ON CONSTRAINT tax_slabs_hsn_code_is_hsn_or_sac ON public.tax_slabs IS
'Refuses a code that is not an HSN code of 4, 6 or 8 digits (chapters 01-98) or a SAC '
'code of 4 or 6 digits starting with 99.';
COMMENT ON CONSTRAINT tax_slabs_description_not_blank ON public.tax_slabs IS
'Refuses an empty or all-blank description.';
COMMENT ON CONSTRAINT tax_slabs_notification_not_blank ON public.tax_slabs IS
'Refuses an empty or all-blank notification reference.';
COMMENT ON CONSTRAINT tax_slabs_rates_in_range ON public.tax_slabs IS
'Refuses a negative rate or a total (IGST) rate above 100 percent.';
COMMENT ON CONSTRAINT tax_slabs_cgst_equals_sgst ON public.tax_slabs IS
'Refuses a slab whose central and state halves differ: GST splits the rate equally.';
COMMENT ON CONSTRAINT tax_slabs_igst_is_cgst_plus_sgst ON public.tax_slabs IS
'Refuses a slab whose integrated rate is not the sum of its central and state rates.';
COMMENT ON CONSTRAINT tax_slabs_effective_to_after_from ON public.tax_slabs IS
'Refuses a period that ends before it starts.';
COMMENT ON CONSTRAINT tax_slabs_no_overlap ON public.tax_slabs IS
'Refuses two slabs of the same code whose periods share a day: one code has one rate a day.';

GRANT SELECT ON public.tax_slabs TO anon, authenticated;
GRANT ALL ON public.tax_slabs TO service_role;

-- Rates: Notification 1/2017-Central Tax (Rate) of 28.06.2017 (goods, from 1 July 2017),
-- superseded from 22.09.2025 by Notification 9/2025-Central Tax (Rate) of 17.09.2025
-- (56th GST Council); health care services: Notification 12/2017-Central Tax (Rate) S.No. 74.
INSERT INTO public.tax_slabs (
    hsn_code, description, cgst, sgst, igst, effective_from, effective_to, notification
) VALUES
(
    '3003', 'Medicaments, not in measured doses (unmixed or mixed)',
    6, 6, 12, '2017-07-01', '2025-09-21', '1/2017-Central Tax (Rate), Schedule II'
),
(
    '3003', 'Medicaments, not in measured doses (unmixed or mixed)',
    2.5, 2.5, 5, '2025-09-22', NULL, '9/2025-Central Tax (Rate), Schedule I'
),
(
    '3004', 'Medicaments in measured doses or packed for retail sale',
    6, 6, 12, '2017-07-01', '2025-09-21', '1/2017-Central Tax (Rate), Schedule II'
),
(
    '3004', 'Medicaments in measured doses or packed for retail sale',
    2.5, 2.5, 5, '2025-09-22', NULL, '9/2025-Central Tax (Rate), Schedule I'
),
(
    '3005', 'Wadding, gauze, bandages and similar articles for medical use',
    6, 6, 12, '2017-07-01', '2025-09-21', '1/2017-Central Tax (Rate), Schedule II'
),
(
    '3005', 'Wadding, gauze, bandages and similar articles for medical use',
    2.5, 2.5, 5, '2025-09-22', NULL, '9/2025-Central Tax (Rate), Schedule I'
),
(
    '3822', 'Diagnostic or laboratory reagents and diagnostic kits',
    6, 6, 12, '2017-07-01', '2025-09-21', '1/2017-Central Tax (Rate), Schedule II'
),
(
    '3822', 'Diagnostic or laboratory reagents and diagnostic kits',
    2.5, 2.5, 5, '2025-09-22', NULL, '9/2025-Central Tax (Rate), Schedule I'
),
(
    '9018', 'Medical, surgical, dental or veterinary instruments and appliances',
    6, 6, 12, '2017-07-01', '2025-09-21', '1/2017-Central Tax (Rate), Schedule II'
),
(
    '9018', 'Medical, surgical, dental or veterinary instruments and appliances',
    2.5, 2.5, 5, '2025-09-22', NULL, '9/2025-Central Tax (Rate), Schedule I'
),
(
    '9021', 'Orthopaedic appliances, splints, artificial parts of the body',
    6, 6, 12, '2017-07-01', '2025-09-21', '1/2017-Central Tax (Rate), Schedule II'
),
(
    '9021', 'Orthopaedic appliances, splints, artificial parts of the body',
    2.5, 2.5, 5, '2025-09-22', NULL, '9/2025-Central Tax (Rate), Schedule I'
),
(
    '9993', 'Human health and social care services (clinical establishments, practitioners)',
    0, 0, 0, '2017-07-01', NULL, '12/2017-Central Tax (Rate), S.No. 74 (exempt)'
);

COMMIT;
