-- Deploy onemedi:tax_documents to pg
-- requires: tax_document_columns
-- requires: order_items_invoice_id_idx
-- requires: order_invoices_registration_id_idx
-- requires: order_invoices_one_per_supplier_and_kind
-- requires: order_invoices_number_unique_per_series
-- requires: order_state_machine
-- requires: private_schema
-- When a vendor's goods leave for the patient (the order moves to OUT_FOR_DELIVERY), the
-- supply happens and its documents are issued (CGST Act s.31(1)(a): at the time of removal;
-- services, s.31(2), within 30 days of the supply): per vendor and supplying state, a tax
-- invoice for the taxable lines under that state's GST registration and a bill of supply
-- for the exempt and nil-rated ones, each numbered in its own series (document_counters).
-- An order cancelled before dispatch was never a supply and gets no document. Issued
-- documents are frozen and kept; a document without a line of its own is refused.

BEGIN;

-- The 1.0.0 rules (one invoice per vendor per order, one series per vendor) are replaced by
-- the unique indexes built by the previous changes.
ALTER TABLE public.order_invoices
DROP CONSTRAINT order_invoices_one_per_vendor_per_order,
DROP CONSTRAINT order_invoices_number_unique_per_vendor_and_year;

CREATE FUNCTION private.next_document_number(
    p_vendor_id uuid, p_state_code text, p_kind public.tax_document_kind, p_on date
)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_year smallint;
    v_number integer;
BEGIN
    v_year := (
        extract(YEAR FROM p_on) - CASE WHEN extract(MONTH FROM p_on) < 4 THEN 1 ELSE 0 END
    )::smallint;
    INSERT INTO private.document_counters AS c (
        vendor_id, state_code, document_kind, financial_year, last_number
    )
    VALUES (p_vendor_id, p_state_code, p_kind, v_year, 1)
    ON CONFLICT (vendor_id, state_code, document_kind, financial_year)
    DO UPDATE SET last_number = c.last_number + 1
    RETURNING c.last_number INTO v_number;
    RETURN pg_catalog.format(
        '%s/%s%s/%s',
        CASE p_kind WHEN 'TAX_INVOICE' THEN 'TI' ELSE 'BS' END,
        pg_catalog.lpad((v_year % 100)::text, 2, '0'),
        pg_catalog.lpad(((v_year + 1) % 100)::text, 2, '0'),
        pg_catalog.lpad(v_number::text, 6, '0')
    );
END
$$;

COMMENT ON FUNCTION private.next_document_number(uuid, text, public.tax_document_kind, date) IS
'The next number of the series of vendor p_vendor_id in state p_state_code for documents of '
'kind p_kind in the financial year of p_on: TI/YYZZ/nnnnnn for tax invoices, BS/YYZZ/nnnnnn '
'for bills of supply (YYZZ the financial year, e.g. 2627), 14 characters. Consecutive '
'without gaps: the counter row stays locked until the transaction ends, and a rolled-back '
'transaction gives its number back. Raises 23514 document_counters_last_number_in_range '
'after serial 999999.';

REVOKE ALL ON FUNCTION private.next_document_number(uuid, text, public.tax_document_kind, date)
FROM public, anon, authenticated, service_role;

CREATE FUNCTION private.issue_order_documents(p_order_id uuid)
RETURNS SETOF public.order_invoices
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_on date := private.date_in_india(pg_catalog.now());
    v_group record;
    v_registration public.gst_registrations;
    v_document public.order_invoices;
BEGIN
    -- Fixed order (vendor, state, kind): concurrent dispatches lock counters alike.
    FOR v_group IN
        SELECT
            i.vendor_id,
            v.name AS vendor_name,
            i.supplier_state_code,
            CASE
                WHEN i.gst_rate > 0 THEN 'TAX_INVOICE'
                ELSE 'BILL_OF_SUPPLY'
            END::public.tax_document_kind AS kind,
            pg_catalog.array_agg(i.id) AS line_ids
        FROM public.order_items AS i
        INNER JOIN public.vendors AS v ON i.vendor_id = v.id
        WHERE
            i.order_id = p_order_id
            AND i.invoice_id IS NULL
            AND i.tax_basis = 'INCLUSIVE'
            AND NOT EXISTS (
                SELECT 1 FROM public.order_invoices AS legacy
                WHERE
                    legacy.order_id = p_order_id
                    AND legacy.vendor_id = i.vendor_id
                    AND legacy.document_kind = 'LEGACY_INVOICE'
            )
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 3, 4
    LOOP
        SELECT r.* INTO v_registration
        FROM public.gst_registrations AS r
        WHERE
            r.vendor_id = v_group.vendor_id
            AND r.state_code = v_group.supplier_state_code
            AND r.valid_from <= v_on
            AND (r.valid_to IS NULL OR r.valid_to >= v_on)
            AND r.registration_type IN ('REGULAR', 'CASUAL', 'NON_RESIDENT');
        IF NOT FOUND AND v_group.kind = 'TAX_INVOICE' THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM077',
                MESSAGE = pg_catalog.format(
                    'order %s cannot be dispatched: vendor %s has no GST registration in force '
                    || 'in state %s on %s to invoice its taxable lines',
                    p_order_id, v_group.vendor_name, v_group.supplier_state_code, v_on
                ),
                HINT = 'An admin records the registration (or its renewal) in '
                || 'gst_registrations, then the order is dispatched again.';
        END IF;
        INSERT INTO public.order_invoices (
            order_id, vendor_id, invoice_number, invoice_date, document_kind,
            supplier_state_code, registration_id, gstin
        ) VALUES (
            p_order_id, v_group.vendor_id,
            private.next_document_number(
                v_group.vendor_id, v_group.supplier_state_code, v_group.kind, v_on
            ),
            v_on, v_group.kind, v_group.supplier_state_code, v_registration.id,
            v_registration.gstin
        )
        RETURNING * INTO v_document;
        UPDATE public.order_items AS i
        SET invoice_id = v_document.id
        WHERE i.id = ANY (v_group.line_ids);
        RETURN NEXT v_document;
    END LOOP;
END
$$;

COMMENT ON FUNCTION private.issue_order_documents(uuid) IS
'Issues the GST documents of order p_order_id''s lines that have none, dated today in '
'India: per vendor and supplying state a TAX_INVOICE for the lines with a GST rate above 0, '
'under the vendor''s registration in that state, and a BILL_OF_SUPPLY for the exempt and '
'nil-rated ones; links each line to its document and returns the documents. Lines of 1.0.0 '
'(already invoiced at checkout) are skipped. Called when the order moves to '
'OUT_FOR_DELIVERY; idempotent. Raises OM077 when a taxable line''s vendor has no '
'registration in force in its state.';

REVOKE ALL ON FUNCTION private.issue_order_documents(uuid)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.issue_order_documents(uuid) TO service_role;

CREATE FUNCTION private.orders_issue_documents()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    PERFORM private.issue_order_documents(NEW.id);
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION private.orders_issue_documents() IS
'AFTER UPDATE OF status trigger of orders, when an order moves to OUT_FOR_DELIVERY: issues '
'its tax invoices and bills of supply (issue_order_documents). Passes on OM077.';

REVOKE ALL ON FUNCTION private.orders_issue_documents()
FROM public, anon, authenticated, service_role;

CREATE TRIGGER orders_issue_documents
AFTER UPDATE OF status ON public.orders
FOR EACH ROW
WHEN (new.status = 'OUT_FOR_DELIVERY' AND old.status <> 'OUT_FOR_DELIVERY')
EXECUTE FUNCTION private.orders_issue_documents();

-- An issued document is kept as issued: no edit, no deletion, and no new 1.0.0 invoice.
CREATE FUNCTION private.order_invoices_kept_as_issued()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.document_kind = 'LEGACY_INVOICE' THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM075',
                MESSAGE = pg_catalog.format(
                    'order %s: LEGACY_INVOICE documents are no longer issued', NEW.order_id
                ),
                HINT = 'Documents are issued by issue_order_documents at dispatch.';
        END IF;
        RETURN NEW;
    END IF;
    -- financial_year is generated, so NULL in NEW until after BEFORE triggers.
    IF TG_OP = 'UPDATE' AND (pg_catalog.to_jsonb(NEW) - '{updated_at,financial_year}'::text[])
        = (pg_catalog.to_jsonb(OLD) - '{updated_at,financial_year}'::text[]) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING
        ERRCODE = 'OM075',
        MESSAGE = pg_catalog.format(
            '%s %s of order %s is issued and cannot be %s',
            OLD.document_kind, OLD.invoice_number, OLD.order_id,
            CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END
        ),
        HINT = 'Correct an issued document with a credit or debit note, never by editing it; '
        || 'GST records are kept for 72 months.';
END
$$;

COMMENT ON FUNCTION private.order_invoices_kept_as_issued() IS
'BEFORE INSERT, UPDATE, DELETE trigger of order_invoices: raises OM075 for a new '
'LEGACY_INVOICE, for any change of an issued document (updated_at aside) and for its '
'deletion, for every role.';

REVOKE ALL ON FUNCTION private.order_invoices_kept_as_issued()
FROM public, anon, authenticated, service_role;

CREATE TRIGGER order_invoices_kept_as_issued
BEFORE INSERT OR UPDATE OR DELETE ON public.order_invoices
FOR EACH ROW EXECUTE FUNCTION private.order_invoices_kept_as_issued();

-- A document covers at least one line of its own, checked when the transaction commits.
CREATE FUNCTION private.order_invoices_have_lines()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM public.order_items AS i
        WHERE
            i.invoice_id = NEW.id
            AND i.order_id = NEW.order_id
            AND i.vendor_id = NEW.vendor_id
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM074',
            MESSAGE = pg_catalog.format(
                '%s %s of order %s covers no line of vendor %s',
                NEW.document_kind, NEW.invoice_number, NEW.order_id, NEW.vendor_id
            ),
            HINT = 'Documents are issued by issue_order_documents for the vendor''s own lines.';
    END IF;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION private.order_invoices_have_lines() IS
'Deferred constraint trigger of order_invoices (at commit): raises OM074 when a new tax '
'invoice or bill of supply has no order line of its order and vendor pointing at it.';

REVOKE ALL ON FUNCTION private.order_invoices_have_lines()
FROM public, anon, authenticated, service_role;

CREATE CONSTRAINT TRIGGER order_invoices_have_lines
AFTER INSERT ON public.order_invoices
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION private.order_invoices_have_lines();

COMMENT ON TABLE public.order_invoices IS
'The GST documents of an order: per vendor and supplying state, a tax invoice for taxable '
'lines and a bill of supply for exempt or nil-rated ones, issued at dispatch under the '
'vendor''s registration and kept as issued (LEGACY_INVOICE rows: one per vendor, issued at '
'checkout by 1.0.0).';

COMMIT;
