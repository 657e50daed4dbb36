-- Revert onemedi:search_medicines_ranking from pg
-- search_medicines as search_medicines deployed it: ranked by trigram distance alone.

BEGIN;

CREATE OR REPLACE FUNCTION public.search_medicines(p_query text, p_limit integer DEFAULT 10)
RETURNS SETOF public.medicine_master
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_query text := pg_catalog.lower(pg_catalog.btrim(coalesce(p_query, '')));
    -- A candidate needs a word at least this close (word similarity 0.3: pg_trgm's default
    -- for %, lower than its 0.6 for <%, which misses one typo in a short brand).
    v_farthest constant real := 0.7;
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 50 THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'search_medicines returns 1 to 50 medicines, not %s',
                coalesce(p_limit::text, 'NULL')
            ),
            HINT = 'Pass p_limit from 1 to 50 (default 10).';
    END IF;
    IF pg_catalog.length(v_query) < 2 THEN
        RETURN;  -- one letter matches half the catalogue: wait for the second
    END IF;
    RETURN QUERY
    WITH candidates AS (
        (
            SELECT m.id, 0 AS tier, 0::real AS distance
            FROM public.medicine_master AS m
            WHERE
                pg_catalog.lower(m.name)
                LIKE pg_catalog.replace(
                    pg_catalog.replace(pg_catalog.replace(v_query, '\', '\\'), '%', '\%'),
                    '_', '\_'
                ) || '%'
            ORDER BY pg_catalog.lower(m.name)
            LIMIT p_limit * 3
        )
        UNION ALL
        (
            SELECT m.id, 1, m.name OPERATOR(extensions.<->>) v_query
            FROM public.medicine_master AS m
            ORDER BY m.name OPERATOR(extensions.<->>) v_query
            LIMIT p_limit * 3
        )
        UNION ALL
        (
            SELECT m.id, 1, m.generic_name OPERATOR(extensions.<->>) v_query
            FROM public.medicine_master AS m
            WHERE m.generic_name IS NOT NULL
            ORDER BY m.generic_name OPERATOR(extensions.<->>) v_query
            LIMIT p_limit * 3
        )
    ),
    best AS (
        SELECT c.id, pg_catalog.min(c.tier) AS tier, pg_catalog.min(c.distance) AS distance
        FROM candidates AS c
        GROUP BY c.id
    )
    SELECT m.*
    FROM best AS b
    INNER JOIN public.medicine_master AS m ON b.id = m.id
    WHERE
        (b.tier = 0 OR b.distance <= v_farthest)
        AND NOT EXISTS (
            SELECT 1 FROM public.medicine_master AS newer WHERE newer.parent_id = m.id
        )
    ORDER BY b.tier, b.distance, m.name, m.id
    LIMIT p_limit;
END
$$;

COMMENT ON FUNCTION public.search_medicines(text, integer) IS
'The medicines for what a patient types, best first, at most p_limit (1-50, default 10): '
'names starting with p_query (case-insensitive), then names and generic names with a word '
'nearest to it by trigrams (a typo, a transposition, a missing or doubled letter), nearest '
'first; current versions only. Fewer than two characters find nothing. Runs with the '
'caller''s rights (anyone may read the catalogue); STABLE, so PostgREST serves it by GET. '
'Errors: 22023 p_limit outside 1-50.';

COMMIT;
