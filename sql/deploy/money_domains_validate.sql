-- Deploy onemedi:money_domains_validate to pg
-- requires: money_domains
-- Checks the amounts and rates stored before money_domains against its rules and marks the
-- rules valid. Refuses, naming every offending column and how many rows, while any stored
-- value is NaN, infinite, negative or (a rate) above 100; nothing is changed then.
-- VALIDATE scans each table without blocking its readers.

BEGIN;

DO $check$
DECLARE
    v_col record;
    v_bad bigint;
    v_found text[] := ARRAY[]::text[];
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
            v_found := v_found || pg_catalog.format('%s.%s (%s)', v_col.rel, v_col.col, v_bad);
        END IF;
    END LOOP;
    IF pg_catalog.cardinality(v_found) > 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            MESSAGE = pg_catalog.format(
                'stored amounts or rates are not valid money: %s',
                pg_catalog.array_to_string(v_found, ', ')
            ),
            DETAIL = 'Each is NaN, infinite, negative, a fraction of a paisa, ten thousand '
            || 'crore or more, or a rate above 100 percent.',
            HINT = 'Correct or withdraw those rows as docs/upgrading.md ("Money that is not '
            || 'a number") describes, then deploy again.';
    END IF;
END
$check$;

ALTER DOMAIN public.inr VALIDATE CONSTRAINT inr_is_finite;
ALTER DOMAIN public.inr VALIDATE CONSTRAINT inr_not_negative;
ALTER DOMAIN public.inr VALIDATE CONSTRAINT inr_whole_paise;
ALTER DOMAIN public.inr VALIDATE CONSTRAINT inr_within_ten_thousand_crore;
ALTER DOMAIN public.percent_rate VALIDATE CONSTRAINT percent_rate_between_0_and_100;
ALTER DOMAIN public.percent_rate VALIDATE CONSTRAINT percent_rate_in_hundredths;

COMMIT;
