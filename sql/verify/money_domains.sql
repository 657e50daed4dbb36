-- Verify onemedi:money_domains on pg

BEGIN;

SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_constraint
WHERE
    contypid = 'public.inr'::regtype
    AND conname IN (
        'inr_is_finite', 'inr_not_negative', 'inr_whole_paise', 'inr_within_ten_thousand_crore'
    );

SELECT 1 / (count(*) = 2)::integer
FROM pg_catalog.pg_constraint
WHERE
    contypid = 'public.percent_rate'::regtype
    AND conname IN ('percent_rate_between_0_and_100', 'percent_rate_in_hundredths');

-- Every amount and rate column of the release is of its domain.
SELECT 1 / (count(*) = 32)::integer
FROM pg_catalog.pg_attribute AS a
WHERE
    (a.atttypid = 'public.inr'::regtype AND a.attrelid::regclass::text || '.' || a.attname IN (
        'medicine_inventory.price', 'medicine_inventory.mrp', 'lab_pricing.price',
        'lab_pricing.mrp', 'scan_pricing.price', 'scan_pricing.mrp', 'consult_pricing.price',
        'consult_pricing.mrp', 'service_pricing.base_price', 'service_pricing.variable_price',
        'coupons.value', 'orders.gross_amount', 'orders.discount_amount', 'orders.tax_amount',
        'orders.net_amount', 'order_items.unit_price', 'order_items.discount_amount',
        'order_items.taxable_value', 'order_items.cgst', 'order_items.sgst',
        'order_items.utgst', 'order_items.igst', 'refunds.amount', 'vendor_payouts.gross',
        'vendor_payouts.commission', 'vendor_payouts.tcs', 'vendor_payouts.net'
    ))
    OR (
        a.atttypid = 'public.percent_rate'::regtype AND a.attrelid::regclass::text || '.'
        || a.attname IN (
            'order_items.gst_rate', 'tax_slabs.cgst', 'tax_slabs.sgst', 'tax_slabs.igst',
            'vendors.commission_rate'
        )
    );

ROLLBACK;
