-- Deploy onemedi:states to pg
-- Indian states and union territories keyed by their GST state code, with the data.
-- 25 (Daman and Diu) merged into 26 in 2020 and 28 (undivided Andhra Pradesh) gave way to
-- 37 in 2014: neither issues GSTINs today, so neither is a row. 99 (Centre Jurisdiction)
-- is an administrative code, not a place of supply.

BEGIN;

CREATE TABLE public.states (
    code text PRIMARY KEY,
    name text NOT NULL,
    is_union_territory boolean NOT NULL,
    has_legislature boolean NOT NULL,
    uses_utgst boolean GENERATED ALWAYS AS (is_union_territory AND NOT has_legislature) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT states_name_key UNIQUE (name),
    CONSTRAINT states_code_is_two_digits CHECK (code ~ '^[0-9]{2}$'),
    CONSTRAINT states_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT states_state_has_legislature CHECK (is_union_territory OR has_legislature)
);

CREATE TRIGGER states_set_updated_at
BEFORE UPDATE ON public.states
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.states ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.states IS
'Indian states and union territories, keyed by GST state code: decides CGST+SGST, '
'CGST+UTGST or IGST on a supply.';
COMMENT ON COLUMN public.states.code IS
'Two-digit GST state code, the first two characters of a GSTIN registered there.';
COMMENT ON COLUMN public.states.is_union_territory IS
'True for a union territory (and 97 Other Territory, which the CGST Act counts as one).';
COMMENT ON COLUMN public.states.has_legislature IS
'True for every state and for the union territories with a legislature (Delhi, '
'Puducherry, Jammu and Kashmir), which levy SGST.';
COMMENT ON COLUMN public.states.uses_utgst IS
'True where an intra-state supply is taxed CGST + UTGST instead of CGST + SGST.';
COMMENT ON CONSTRAINT states_code_is_two_digits ON public.states IS
'Refuses a state code that is not exactly two digits.';
COMMENT ON CONSTRAINT states_name_not_blank ON public.states IS
'Refuses an empty or all-blank name.';
COMMENT ON CONSTRAINT states_state_has_legislature ON public.states IS
'Refuses a state (not a union territory) without a legislature: every state has one.';

GRANT SELECT ON public.states TO anon, authenticated;
GRANT ALL ON public.states TO service_role;

INSERT INTO public.states (code, name, is_union_territory, has_legislature) VALUES
('01', 'Jammu and Kashmir', TRUE, TRUE),
('02', 'Himachal Pradesh', FALSE, TRUE),
('03', 'Punjab', FALSE, TRUE),
('04', 'Chandigarh', TRUE, FALSE),
('05', 'Uttarakhand', FALSE, TRUE),
('06', 'Haryana', FALSE, TRUE),
('07', 'Delhi', TRUE, TRUE),
('08', 'Rajasthan', FALSE, TRUE),
('09', 'Uttar Pradesh', FALSE, TRUE),
('10', 'Bihar', FALSE, TRUE),
('11', 'Sikkim', FALSE, TRUE),
('12', 'Arunachal Pradesh', FALSE, TRUE),
('13', 'Nagaland', FALSE, TRUE),
('14', 'Manipur', FALSE, TRUE),
('15', 'Mizoram', FALSE, TRUE),
('16', 'Tripura', FALSE, TRUE),
('17', 'Meghalaya', FALSE, TRUE),
('18', 'Assam', FALSE, TRUE),
('19', 'West Bengal', FALSE, TRUE),
('20', 'Jharkhand', FALSE, TRUE),
('21', 'Odisha', FALSE, TRUE),
('22', 'Chhattisgarh', FALSE, TRUE),
('23', 'Madhya Pradesh', FALSE, TRUE),
('24', 'Gujarat', FALSE, TRUE),
('26', 'Dadra and Nagar Haveli and Daman and Diu', TRUE, FALSE),
('27', 'Maharashtra', FALSE, TRUE),
('29', 'Karnataka', FALSE, TRUE),
('30', 'Goa', FALSE, TRUE),
('31', 'Lakshadweep', TRUE, FALSE),
('32', 'Kerala', FALSE, TRUE),
('33', 'Tamil Nadu', FALSE, TRUE),
('34', 'Puducherry', TRUE, TRUE),
('35', 'Andaman and Nicobar Islands', TRUE, FALSE),
('36', 'Telangana', FALSE, TRUE),
('37', 'Andhra Pradesh', FALSE, TRUE),
('38', 'Ladakh', TRUE, FALSE),
('97', 'Other Territory', TRUE, FALSE);

COMMIT;
