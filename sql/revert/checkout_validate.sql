-- Revert onemedi:checkout_validate from pg
-- A validated constraint cannot be marked not valid again: each is dropped and added back
-- NOT VALID with its definition and comment, as the changes before left it.

BEGIN;

DO $unvalidate$
DECLARE
    v_rule record;
BEGIN
    FOR v_rule IN
        SELECT
            c.conrelid::regclass AS rel,
            c.conname,
            pg_catalog.pg_get_constraintdef(c.oid) AS def,
            pg_catalog.obj_description(c.oid, 'pg_constraint') AS note
        FROM pg_catalog.pg_constraint AS c
        WHERE
            c.connamespace = 'public'::regnamespace
            AND c.conname IN (
                'orders_net_matches_tax_basis', 'order_items_taxable_value_matches_tax_basis',
                'order_items_tax_amounts_match_rate_and_basis',
                'order_items_inclusive_line_names_supplier_state',
                'order_items_inclusive_price_within_mrp', 'order_items_qty_at_most_1000',
                'cart_items_qty_at_most_1000', 'medicine_inventory_stock_at_most_1000000',
                'availability_slots_capacity_at_most_10000',
                'order_invoices_document_names_its_supplier', 'order_items_invoice_id_fkey',
                'order_invoices_registration_id_fkey'
            )
        ORDER BY 1, 2
    LOOP
        EXECUTE pg_catalog.format(
            'ALTER TABLE %s DROP CONSTRAINT %I', v_rule.rel, v_rule.conname
        );
        EXECUTE pg_catalog.format(
            'ALTER TABLE %s ADD CONSTRAINT %I %s NOT VALID', v_rule.rel, v_rule.conname,
            v_rule.def
        );
        IF v_rule.note IS NOT NULL THEN
            EXECUTE pg_catalog.format(
                'COMMENT ON CONSTRAINT %I ON %s IS %L', v_rule.conname, v_rule.rel, v_rule.note
            );
        END IF;
    END LOOP;
END
$unvalidate$;

COMMIT;
