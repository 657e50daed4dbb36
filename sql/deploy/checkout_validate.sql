-- Deploy onemedi:checkout_validate to pg
-- requires: quantity_limits
-- requires: order_tax_basis
-- requires: tax_document_columns
-- requires: checkout
-- requires: tax_documents
-- Checks the rows stored before the checkout rules against them and marks the rules valid.
-- Refuses, naming each rule and how many rows break it, while any stored row does; nothing
-- is changed then (docs/upgrading.md says how to correct each). VALIDATE does not block the
-- tables' readers or writers while it scans.

BEGIN;

DO $check$
DECLARE
    v_rule record;
    v_bad bigint;
    v_found text[] := ARRAY[]::text[];
BEGIN
    FOR v_rule IN
        SELECT
            c.conrelid::regclass AS rel,
            c.conname,
            pg_catalog.regexp_replace(
                pg_catalog.pg_get_constraintdef(c.oid), '^CHECK (.*) NOT VALID$', '\1'
            ) AS expr
        FROM pg_catalog.pg_constraint AS c
        WHERE
            c.connamespace = 'public'::regnamespace
            AND c.contype = 'c'
            AND NOT c.convalidated
            AND c.conname IN (
                'orders_net_matches_tax_basis', 'order_items_taxable_value_matches_tax_basis',
                'order_items_tax_amounts_match_rate_and_basis',
                'order_items_inclusive_line_names_supplier_state',
                'order_items_inclusive_price_within_mrp', 'order_items_qty_at_most_1000',
                'cart_items_qty_at_most_1000', 'medicine_inventory_stock_at_most_1000000',
                'availability_slots_capacity_at_most_10000',
                'order_invoices_document_names_its_supplier'
            )
        ORDER BY 1, 2
    LOOP
        EXECUTE pg_catalog.format(
            'SELECT count(*) FROM %s WHERE NOT coalesce(%s, TRUE)', v_rule.rel, v_rule.expr
        ) INTO v_bad;
        IF v_bad > 0 THEN
            v_found := v_found || pg_catalog.format('%s (%s rows)', v_rule.conname, v_bad);
        END IF;
    END LOOP;
    IF pg_catalog.cardinality(v_found) > 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'stored rows break the checkout rules: %s',
                pg_catalog.array_to_string(v_found, ', ')
            ),
            HINT = 'Correct those rows as docs/upgrading.md ("Checkout rules") describes, then '
            || 'deploy again.';
    END IF;
END
$check$;

ALTER TABLE public.cart_items VALIDATE CONSTRAINT cart_items_qty_at_most_1000;
ALTER TABLE public.medicine_inventory
VALIDATE CONSTRAINT medicine_inventory_stock_at_most_1000000;
ALTER TABLE public.availability_slots
VALIDATE CONSTRAINT availability_slots_capacity_at_most_10000;
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_net_matches_tax_basis;
ALTER TABLE public.order_items VALIDATE CONSTRAINT order_items_qty_at_most_1000;
ALTER TABLE public.order_items VALIDATE CONSTRAINT order_items_taxable_value_matches_tax_basis;
ALTER TABLE public.order_items VALIDATE CONSTRAINT order_items_tax_amounts_match_rate_and_basis;
ALTER TABLE public.order_items
VALIDATE CONSTRAINT order_items_inclusive_line_names_supplier_state;
ALTER TABLE public.order_items VALIDATE CONSTRAINT order_items_inclusive_price_within_mrp;
ALTER TABLE public.order_items VALIDATE CONSTRAINT order_items_invoice_id_fkey;
ALTER TABLE public.order_invoices VALIDATE CONSTRAINT order_invoices_document_names_its_supplier;
ALTER TABLE public.order_invoices VALIDATE CONSTRAINT order_invoices_registration_id_fkey;

COMMIT;
