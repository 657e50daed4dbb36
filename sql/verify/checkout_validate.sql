-- Verify onemedi:checkout_validate on pg

BEGIN;

SELECT 1 / (count(*) = 12)::integer
FROM pg_catalog.pg_constraint
WHERE
    convalidated
    AND conname IN (
        'orders_net_matches_tax_basis', 'order_items_taxable_value_matches_tax_basis',
        'order_items_tax_amounts_match_rate_and_basis',
        'order_items_inclusive_line_names_supplier_state',
        'order_items_inclusive_price_within_mrp', 'order_items_qty_at_most_1000',
        'cart_items_qty_at_most_1000', 'medicine_inventory_stock_at_most_1000000',
        'availability_slots_capacity_at_most_10000',
        'order_invoices_document_names_its_supplier', 'order_items_invoice_id_fkey',
        'order_invoices_registration_id_fkey'
    );

ROLLBACK;
