-- Verify onemedi:order_tax_basis on pg

BEGIN;

SELECT tax_basis FROM public.orders WHERE FALSE;
SELECT
    tax_basis,
    supplier_state_code
FROM public.order_items
WHERE FALSE;

SELECT 1 / (count(*) = 5)::integer
FROM pg_catalog.pg_constraint
WHERE conname IN (
    'orders_net_matches_tax_basis', 'order_items_taxable_value_matches_tax_basis',
    'order_items_tax_amounts_match_rate_and_basis',
    'order_items_inclusive_line_names_supplier_state', 'order_items_inclusive_price_within_mrp'
);

ROLLBACK;
