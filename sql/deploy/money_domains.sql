-- Deploy onemedi:money_domains to pg
-- requires: orders
-- requires: order_items
-- requires: refunds
-- requires: refund_rules
-- requires: vendor_payouts
-- requires: medicine_inventory
-- requires: lab_pricing
-- requires: scan_pricing
-- requires: service_pricing
-- requires: consult_pricing
-- requires: coupons
-- requires: tax_slabs
-- requires: vendors
-- Money is one type: every amount column becomes public.inr (rupees and whole paise, finite,
-- never negative) and every rate public.percent_rate (0 to 100, in hundredths). PostgreSQL's
-- numeric accepts NaN, and 'NaN' >= 0 is true, so the CHECKs the tables had let NaN through.
-- The domains are over numeric without a typmod, so that every rule is a named constraint:
-- numeric(12, 2) would silently round 1.005 to 1.01 and answer "numeric field overflow" for
-- Infinity or ten thousand crore instead.
-- Live data: the domains start without constraints, so ALTER ... TYPE only relabels the
-- columns (no table rewrite); their rules are then added NOT VALID, which checks every new
-- value at once, and change money_domains_validate checks the rows already stored.
-- onemedi:lint-ok changing-column-type the columns become domains over their own base
-- type with no constraint yet: a relabel, no table rewrite (measured; the relfilenode stays)

BEGIN;

CREATE DOMAIN public.inr AS numeric;
CREATE DOMAIN public.percent_rate AS numeric;

COMMENT ON DOMAIN public.inr IS
'An amount of money in Indian rupees: whole paise (at most two decimals), finite (never '
'NaN or Infinity), never negative, below ten thousand crore (up to 99,99,99,999.99, what '
'numeric(12, 2) held). Every amount column and money argument uses it.';
COMMENT ON DOMAIN public.percent_rate IS
'A rate in percent (GST, commission): from 0 to 100 in hundredths, never NaN.';

-- Two triggers name altered columns in their UPDATE OF lists; they are recreated unchanged.
DROP TRIGGER order_items_gst_rate_matches_slab ON public.order_items;
DROP TRIGGER refunds_within_item_total ON public.refunds;

ALTER TABLE public.medicine_inventory
ALTER COLUMN price TYPE public.inr,
ALTER COLUMN mrp TYPE public.inr;
ALTER TABLE public.lab_pricing
ALTER COLUMN price TYPE public.inr,
ALTER COLUMN mrp TYPE public.inr;
ALTER TABLE public.scan_pricing
ALTER COLUMN price TYPE public.inr,
ALTER COLUMN mrp TYPE public.inr;
ALTER TABLE public.consult_pricing
ALTER COLUMN price TYPE public.inr,
ALTER COLUMN mrp TYPE public.inr;
ALTER TABLE public.service_pricing
ALTER COLUMN base_price TYPE public.inr,
ALTER COLUMN variable_price TYPE public.inr;
ALTER TABLE public.coupons
ALTER COLUMN value TYPE public.inr;
ALTER TABLE public.orders
ALTER COLUMN gross_amount TYPE public.inr,
ALTER COLUMN discount_amount TYPE public.inr,
ALTER COLUMN tax_amount TYPE public.inr,
ALTER COLUMN net_amount TYPE public.inr;
ALTER TABLE public.order_items
ALTER COLUMN unit_price TYPE public.inr,
ALTER COLUMN discount_amount TYPE public.inr,
ALTER COLUMN taxable_value TYPE public.inr,
ALTER COLUMN cgst TYPE public.inr,
ALTER COLUMN sgst TYPE public.inr,
ALTER COLUMN utgst TYPE public.inr,
ALTER COLUMN igst TYPE public.inr,
ALTER COLUMN gst_rate TYPE public.percent_rate;
ALTER TABLE public.refunds
ALTER COLUMN amount TYPE public.inr;
ALTER TABLE public.vendor_payouts
ALTER COLUMN gross TYPE public.inr,
ALTER COLUMN commission TYPE public.inr,
ALTER COLUMN tcs TYPE public.inr,
ALTER COLUMN net TYPE public.inr;
ALTER TABLE public.tax_slabs
ALTER COLUMN cgst TYPE public.percent_rate,
ALTER COLUMN sgst TYPE public.percent_rate,
ALTER COLUMN igst TYPE public.percent_rate;
ALTER TABLE public.vendors
ALTER COLUMN commission_rate TYPE public.percent_rate;

CREATE TRIGGER order_items_gst_rate_matches_slab
BEFORE INSERT OR UPDATE OF order_id, hsn_code, gst_rate ON public.order_items
FOR EACH ROW EXECUTE FUNCTION public.order_items_gst_rate_matches_slab();
CREATE TRIGGER refunds_within_item_total
BEFORE INSERT OR UPDATE OF order_item_id, amount, status ON public.refunds
FOR EACH ROW EXECUTE FUNCTION public.refunds_within_item_total();

-- NaN is greater than every number in PostgreSQL, so "< 'Infinity'" refuses NaN too.
ALTER DOMAIN public.inr
ADD CONSTRAINT inr_is_finite CHECK (value > '-Infinity' AND value < 'Infinity') NOT VALID;
ALTER DOMAIN public.inr
ADD CONSTRAINT inr_not_negative CHECK (value >= 0) NOT VALID;
ALTER DOMAIN public.inr
ADD CONSTRAINT inr_whole_paise CHECK (value = round(value, 2)) NOT VALID;
ALTER DOMAIN public.inr
ADD CONSTRAINT inr_within_ten_thousand_crore CHECK (value < 10000000000) NOT VALID;
ALTER DOMAIN public.percent_rate
ADD CONSTRAINT percent_rate_between_0_and_100 CHECK (value >= 0 AND value <= 100) NOT VALID;
ALTER DOMAIN public.percent_rate
ADD CONSTRAINT percent_rate_in_hundredths CHECK (value = round(value, 2)) NOT VALID;

COMMENT ON CONSTRAINT inr_is_finite ON DOMAIN public.inr IS
'Refuses NaN, Infinity and -Infinity: an amount is a number of rupees and paise.';
COMMENT ON CONSTRAINT inr_not_negative ON DOMAIN public.inr IS
'Refuses a negative amount: refunds, discounts and payouts are amounts of their own.';
COMMENT ON CONSTRAINT inr_whole_paise ON DOMAIN public.inr IS
'Refuses a fraction of a paisa (more than two decimals): amounts are never rounded silently.';
COMMENT ON CONSTRAINT inr_within_ten_thousand_crore ON DOMAIN public.inr IS
'Refuses an amount of ten thousand crore rupees (10^10) or more: no amount of an order, '
'refund or payout is that large, and totals computed from amounts stay exact.';
COMMENT ON CONSTRAINT percent_rate_between_0_and_100 ON DOMAIN public.percent_rate IS
'Refuses a rate below 0 or above 100 percent, and NaN.';
COMMENT ON CONSTRAINT percent_rate_in_hundredths ON DOMAIN public.percent_rate IS
'Refuses a rate with more than two decimals (GST rates are whole or half percents).';

-- Rows stored before the rules existed are counted here (a WARNING per column) and checked
-- by money_domains_validate, which refuses to run until they are corrected.
DO $report$
DECLARE
    v_col record;
    v_bad bigint;
BEGIN
    FOR v_col IN
        SELECT a.attrelid::regclass AS rel, a.attname AS col, t.typname AS dom
        FROM pg_catalog.pg_attribute AS a
        INNER JOIN pg_catalog.pg_type AS t ON a.atttypid = t.oid
        INNER JOIN pg_catalog.pg_class AS c ON a.attrelid = c.oid
        WHERE
            t.typnamespace = 'public'::regnamespace
            AND t.typname IN ('inr', 'percent_rate')
            AND c.relkind = 'r'
            AND NOT a.attisdropped
        ORDER BY 1, 2
    LOOP
        EXECUTE pg_catalog.format(
            'SELECT count(*) FROM %s WHERE NOT (%I >= 0 AND %I = round(%I, 2) AND %I %s)',
            v_col.rel, v_col.col, v_col.col, v_col.col, v_col.col,
            CASE WHEN v_col.dom = 'inr' THEN '< 10000000000' ELSE '<= 100' END
        ) INTO v_bad;
        IF v_bad > 0 THEN
            RAISE WARNING '%.% holds % value(s) that are not valid %', v_col.rel, v_col.col,
            v_bad, v_col.dom USING HINT = 'Correct them before money_domains_validate '
            || '(docs/upgrading.md, "Money that is not a number").';
        END IF;
    END LOOP;
END
$report$;

COMMIT;
