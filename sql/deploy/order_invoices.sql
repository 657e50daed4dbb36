-- Deploy onemedi:order_invoices to pg
-- Each vendor's part of an order is that vendor's own tax invoice; its number is unique for
-- the vendor within an Indian financial year (April to March), as CGST Rules r.46(b) require.

BEGIN;

CREATE TABLE public.order_invoices (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES public.orders (id) ON DELETE RESTRICT,
    vendor_id uuid NOT NULL REFERENCES public.vendors (id) ON DELETE RESTRICT,
    invoice_number text NOT NULL,
    invoice_date date NOT NULL,
    financial_year smallint GENERATED ALWAYS AS (
        (
            extract(YEAR FROM invoice_date)
            - CASE WHEN extract(MONTH FROM invoice_date) < 4 THEN 1 ELSE 0 END
        )::smallint
    ) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_invoices_one_per_vendor_per_order UNIQUE (order_id, vendor_id),
    CONSTRAINT order_invoices_number_unique_per_vendor_and_year UNIQUE (
        vendor_id, financial_year, invoice_number
    ),
    CONSTRAINT order_invoices_invoice_number_format CHECK (
        invoice_number ~ '^[A-Z0-9/-]{1,16}$'
    )
);

CREATE TRIGGER order_invoices_set_updated_at
BEFORE UPDATE ON public.order_invoices
FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.order_invoices ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE public.order_invoices IS
'The tax invoice a vendor issues for its items of an order (one per vendor per order).';
COMMENT ON COLUMN public.order_invoices.invoice_number IS
'The vendor''s invoice serial: 1 to 16 characters, upper-case letters, digits, - and /; '
'stored upper-case because GSTN treats invoice numbers case-insensitively.';
COMMENT ON COLUMN public.order_invoices.invoice_date IS 'Date of the invoice.';
COMMENT ON COLUMN public.order_invoices.financial_year IS
'Indian financial year of invoice_date, named by its starting year (2025 = April 2025 to '
'March 2026); generated.';
COMMENT ON CONSTRAINT order_invoices_one_per_vendor_per_order ON public.order_invoices IS
'Refuses a second invoice of the same vendor for the same order.';
COMMENT ON CONSTRAINT order_invoices_number_unique_per_vendor_and_year
ON public.order_invoices IS
'Refuses an invoice number the vendor already used in the same financial year.';
COMMENT ON CONSTRAINT order_invoices_invoice_number_format ON public.order_invoices IS
'Refuses an invoice number that is empty, longer than 16 characters, or has characters '
'other than upper-case letters, digits, - and /.';

GRANT SELECT, INSERT ON public.order_invoices TO authenticated;
GRANT ALL ON public.order_invoices TO service_role;

COMMIT;
