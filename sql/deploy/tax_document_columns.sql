-- Deploy onemedi:tax_document_columns to pg
-- requires: order_invoices
-- requires: order_items
-- requires: gst_registrations
-- requires: checkout
-- requires: private_schema
-- GST documents are numbered per registration, and a supply of exempt or nil-rated goods or
-- services gets a bill of supply instead of a tax invoice (CGST Act s.31(3)(c)): an order
-- mixing both gets both. order_invoices says which document a row is, from which state and
-- under which registration; each order line names its document. Rows written by 1.0.0
-- (one invoice per vendor at checkout, one number series per vendor) are LEGACY_INVOICE.
-- Columns and foreign keys only (NOT VALID: checkout_validate validates them); their
-- indexes are built concurrently by the next changes, the rules come with tax_documents.

BEGIN;

CREATE TYPE public.tax_document_kind AS ENUM ('TAX_INVOICE', 'BILL_OF_SUPPLY', 'LEGACY_INVOICE');

COMMENT ON TYPE public.tax_document_kind IS
'TAX_INVOICE: taxable supplies, under the supplier''s GSTIN (s.31(1)); BILL_OF_SUPPLY: '
'exempt or nil-rated supplies (s.31(3)(c)); LEGACY_INVOICE: an invoice of 1.0.0, one per '
'vendor per order from a per-vendor series, kept as issued.';

ALTER TABLE public.order_invoices
ADD COLUMN document_kind public.tax_document_kind NOT NULL DEFAULT 'LEGACY_INVOICE',
ADD COLUMN supplier_state_code text,
ADD COLUMN registration_id uuid,
ADD COLUMN gstin text;
ALTER TABLE public.order_invoices ALTER COLUMN document_kind DROP DEFAULT;
ALTER TABLE public.order_invoices
ADD CONSTRAINT order_invoices_registration_id_fkey FOREIGN KEY (registration_id)
REFERENCES public.gst_registrations (id) ON DELETE RESTRICT NOT VALID,
ADD CONSTRAINT order_invoices_document_names_its_supplier CHECK (
    document_kind = 'LEGACY_INVOICE'
    OR (
        supplier_state_code IS NOT NULL
        AND supplier_state_code ~ '^[0-9]{2}$'
        AND (
            document_kind = 'BILL_OF_SUPPLY'
            OR (
                registration_id IS NOT NULL
                AND gstin IS NOT NULL
                AND pg_catalog.left(gstin, 2) = supplier_state_code
            )
        )
    )
) NOT VALID;

ALTER TABLE public.order_items ADD COLUMN invoice_id uuid;
ALTER TABLE public.order_items
ADD CONSTRAINT order_items_invoice_id_fkey FOREIGN KEY (invoice_id)
REFERENCES public.order_invoices (id) ON DELETE RESTRICT NOT VALID;

COMMENT ON COLUMN public.order_invoices.document_kind IS
'TAX_INVOICE, BILL_OF_SUPPLY, or LEGACY_INVOICE for invoices of 1.0.0.';
COMMENT ON COLUMN public.order_invoices.supplier_state_code IS
'GST state the document''s supplies were made from; its series is the vendor''s in that '
'state. NULL only on LEGACY_INVOICE rows.';
COMMENT ON COLUMN public.order_invoices.registration_id IS
'The vendor''s GST registration the document is issued under; NULL for a bill of supply of '
'an unregistered supplier and for LEGACY_INVOICE rows.';
COMMENT ON COLUMN public.order_invoices.gstin IS
'The supplier''s GSTIN as printed on the document (copied from the registration, so the '
'document keeps it whatever happens to the registration later).';
COMMENT ON COLUMN public.order_items.invoice_id IS
'The tax invoice or bill of supply the line was issued on (set at dispatch, then frozen); '
'NULL until then, and on lines of 1.0.0, whose document is their vendor''s LEGACY_INVOICE '
'for the order.';
COMMENT ON CONSTRAINT order_invoices_document_names_its_supplier ON public.order_invoices IS
'Refuses a tax invoice or bill of supply without the supplier''s two-digit state, and a tax '
'invoice without a registration and a GSTIN of that state.';

CREATE TABLE private.document_counters (
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE RESTRICT,
    state_code text NOT NULL REFERENCES public.states (code) ON DELETE RESTRICT,
    document_kind public.tax_document_kind NOT NULL,
    financial_year smallint NOT NULL,
    last_number integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT document_counters_pkey PRIMARY KEY (
        vendor_id, state_code, document_kind, financial_year
    ),
    CONSTRAINT document_counters_kind_is_current CHECK (document_kind <> 'LEGACY_INVOICE'),
    CONSTRAINT document_counters_last_number_in_range CHECK (
        last_number BETWEEN 1 AND 999999
    ),
    CONSTRAINT document_counters_financial_year_plausible CHECK (
        financial_year BETWEEN 2017 AND 2999
    )
);

CREATE INDEX document_counters_state_code_idx ON private.document_counters (state_code);

CREATE TRIGGER document_counters_set_updated_at
BEFORE UPDATE ON private.document_counters
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE private.document_counters ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE private.document_counters IS
'The last serial of each GST document series: one series per vendor, supplying state (so '
'per registration), kind of document and financial year. Taken with a row lock inside the '
'transaction that issues the document, so serials are consecutive without gaps.';
COMMENT ON COLUMN private.document_counters.financial_year IS
'Indian financial year by its starting year (2026 = April 2026 to March 2027).';
COMMENT ON COLUMN private.document_counters.last_number IS
'The latest serial issued in the series; the next document takes last_number + 1.';
COMMENT ON CONSTRAINT document_counters_kind_is_current ON private.document_counters IS
'Refuses a series of LEGACY_INVOICE: those were numbered by 1.0.0 (invoice_counters).';
COMMENT ON CONSTRAINT document_counters_last_number_in_range ON private.document_counters IS
'Refuses a serial outside 1 to 999999: a document number has six digits of serial.';
COMMENT ON CONSTRAINT document_counters_financial_year_plausible ON private.document_counters IS
'Refuses a financial year before GST (2017) or after 2999.';

REVOKE ALL ON private.document_counters FROM public, anon, authenticated, service_role;
GRANT ALL ON private.document_counters TO service_role;

COMMIT;
