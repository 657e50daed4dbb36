-- Deploy onemedi:search_medicines_ranking to pg
-- requires: search_medicines
-- requires: fuzzystrmatch
-- search_medicines finds a typo by its deletions and ranks by edits. Measured on 81
-- misspellings of real medicine names (bench/typos.py) among the seed's invented brands:
-- trigram word distance put 'Amior' nearer to Amifor than to Amitor and 'Omze' nearer to
-- Omeprazole's medicines than to Omez (recall in the top 5: 87.7% at 100k orders), and its
-- two GiST nearest-neighbour scans took 26-37 ms each at 1M orders. Now the words one slip
-- from what was typed come from medicine_search_terms (B-tree lookups), their medicines
-- from B-trees on the brand word and the generic name, and Levenshtein distance orders
-- them after the prefixes; the trigram scans run only when nothing else matched.

BEGIN;

CREATE OR REPLACE FUNCTION public.search_medicines(p_query text, p_limit integer DEFAULT 10)
RETURNS SETOF public.medicine_master
LANGUAGE plpgsql
STABLE
SET search_path = ''
-- Plan each call with its own words: a generic plan cannot read the prefix index for
-- `LIKE v_pattern` (the pattern unknown) and scanned the catalogue (45 ms at 1M orders).
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
    v_query text := pg_catalog.lower(pg_catalog.btrim(coalesce(p_query, '')));
    -- The word a typo is looked for in: the first word typed (a brand, or a generic).
    v_word text;
    v_terms text[];
    v_prefix boolean;
    -- A LIKE pattern for names starting with what was typed (\, % and _ escaped); each
    -- call's plan sees it as a constant and reads the prefix index.
    v_pattern text;
    -- A trigram candidate needs a word at least this close (word similarity 0.3).
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
    v_word := pg_catalog.split_part(v_query, ' ', 1);
    v_pattern := pg_catalog.replace(
        pg_catalog.replace(pg_catalog.replace(v_query, '\', '\\'), '%', '\%'), '_', '\_'
    ) || '%';
    -- Catalogue words one deletion from the word typed, or sharing a deletion with it: one
    -- letter dropped, added, changed, or two swapped (medicine_search_terms).
    IF pg_catalog.length(v_word) >= 3 THEN
        v_terms := ARRAY(
            SELECT DISTINCT t.term
            FROM private.medicine_search_terms AS t
            WHERE t.variant = ANY (private.medicine_search_variants(v_word))
            LIMIT 50
        );
    ELSE
        v_terms := '{}';
    END IF;
    v_prefix := EXISTS (
        SELECT 1 FROM public.medicine_master AS m
        WHERE pg_catalog.lower(m.name) LIKE v_pattern
    );
    RETURN QUERY
    WITH candidates AS (
        (
            SELECT m.id, 0 AS tier, 0::real AS distance
            FROM public.medicine_master AS m
            WHERE pg_catalog.lower(m.name) LIKE v_pattern
            ORDER BY pg_catalog.lower(m.name)
            LIMIT p_limit * 3
        )
        UNION ALL
        (
            SELECT m.id, 1, 0::real
            FROM public.medicine_master AS m
            WHERE pg_catalog.lower(pg_catalog.split_part(m.name, ' ', 1)) = ANY (v_terms)
            LIMIT p_limit * 3 + 30
        )
        UNION ALL
        (
            SELECT m.id, 1, 0::real
            FROM public.medicine_master AS m
            WHERE pg_catalog.lower(m.generic_name) = ANY (v_terms)
            LIMIT p_limit * 3 + 30
        )
        -- Nothing starts with it and no word is one slip away: the nearest words by
        -- trigrams (slower: a GiST nearest-neighbour scan), for two slips or more.
        UNION ALL
        (
            SELECT m.id, 2, m.name OPERATOR(extensions.<->>) v_query
            FROM public.medicine_master AS m
            WHERE NOT v_prefix AND pg_catalog.cardinality(v_terms) = 0
            ORDER BY m.name OPERATOR(extensions.<->>) v_query
            LIMIT p_limit * 3
        )
        UNION ALL
        (
            SELECT m.id, 2, m.generic_name OPERATOR(extensions.<->>) v_query
            FROM public.medicine_master AS m
            WHERE
                NOT v_prefix AND pg_catalog.cardinality(v_terms) = 0
                AND m.generic_name IS NOT NULL
            ORDER BY m.generic_name OPERATOR(extensions.<->>) v_query
            LIMIT p_limit * 3
        )
    ),
    best AS (
        SELECT c.id, pg_catalog.min(c.tier) AS tier, pg_catalog.min(c.distance) AS distance
        FROM candidates AS c
        GROUP BY c.id
    ),
    ranked AS (
        -- Prefixes first, then the fewest edits between what was typed and the brand (its
        -- first word), the start of the brand as long as what was typed (the box is still
        -- being filled in: one more for that), or the generic name.
        SELECT
            b.id,
            LEAST(b.tier, 1) AS tier,
            b.distance,
            LEAST(
                extensions.levenshtein(
                    v_word, pg_catalog.lower(pg_catalog.split_part(m.name, ' ', 1))
                ),
                extensions.levenshtein(
                    v_word,
                    pg_catalog.left(
                        pg_catalog.lower(pg_catalog.split_part(m.name, ' ', 1)),
                        pg_catalog.length(v_word)
                    )
                ) + 1,
                extensions.levenshtein(
                    v_query, pg_catalog.lower(coalesce(m.generic_name, ''))
                )
            ) AS edits
        FROM best AS b
        INNER JOIN public.medicine_master AS m ON b.id = m.id
        WHERE
            (b.tier < 2 OR b.distance <= v_farthest)
            AND NOT EXISTS (
                SELECT 1 FROM public.medicine_master AS newer WHERE newer.parent_id = m.id
            )
    )
    SELECT m.*
    FROM ranked AS r
    INNER JOIN public.medicine_master AS m ON r.id = m.id
    ORDER BY r.tier, r.edits, r.distance, m.name, m.id
    LIMIT p_limit;
END
$$;

COMMENT ON FUNCTION public.search_medicines(text, integer) IS
'The medicines for what a patient types, best first, at most p_limit (1-50, default 10): '
'names starting with p_query (case-insensitive), then the medicines whose brand (first '
'word of the name) or generic name is one slip from the first word typed (a letter '
'dropped, added, changed, or two swapped), fewest edits first; words two slips away by '
'trigrams when nothing else matched; current versions only. Fewer than two characters '
'find nothing. Runs with the caller''s rights (anyone may read the catalogue); STABLE, so '
'PostgREST serves it by GET. Errors: 22023 p_limit outside 1-50.';

COMMIT;
