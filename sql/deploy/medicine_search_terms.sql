-- Deploy onemedi:medicine_search_terms to pg
-- requires: medicine_master
-- requires: private_schema
-- The words of the catalogue with every one-letter deletion of each, for search_medicines:
-- a word typed with one letter dropped, added, changed, or two letters swapped shares a
-- deletion with the word meant (symmetric deletion, as spelling correctors do), so a typo
-- is found by a dozen B-tree lookups instead of a trigram nearest-neighbour scan, which
-- took 26-37 ms at 1M orders (215,910 medicines) for each of its two arms.
-- The words are a medicine's brand (the first word of its name) and its generic name,
-- lower-cased, letters only, 3 to 30 of them. A trigger adds the words of new or renamed
-- medicines; a word no medicine has any more stays and finds nothing. Existing medicines'
-- words are added here.

BEGIN;

CREATE TABLE private.medicine_search_terms (
    variant text NOT NULL,
    term text NOT NULL,
    CONSTRAINT medicine_search_terms_pkey PRIMARY KEY (variant, term)
);
COMMENT ON TABLE private.medicine_search_terms IS
'A catalogue word (term) under itself and under each of its one-letter deletions '
'(variant): search_medicines looks up the variants of what was typed.';
ALTER TABLE private.medicine_search_terms ENABLE ROW LEVEL SECURITY;
-- The words are the public catalogue's: whoever may search (anyone) reads them; only the
-- trigger (a definer) writes them.
CREATE POLICY "anyone reads the search terms" ON private.medicine_search_terms
FOR SELECT TO anon, authenticated USING (TRUE);

CREATE FUNCTION private.medicine_search_variants(p_word text)
RETURNS text[]
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = ''
AS $$
    SELECT pg_catalog.array_agg(DISTINCT v)
    FROM (
        SELECT p_word AS v
        UNION ALL
        SELECT pg_catalog.left(p_word, i - 1) || pg_catalog.substr(p_word, i + 1)
        FROM pg_catalog.generate_series(1, pg_catalog.length(p_word)) AS i
    ) AS d;
$$;
COMMENT ON FUNCTION private.medicine_search_variants(text) IS
'A word and every word one deletion away from it.';

CREATE FUNCTION private.medicine_search_words(p_name text, p_generic_name text)
RETURNS SETOF text
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = ''
AS $$
    SELECT w
    FROM (
        VALUES
        (pg_catalog.lower(pg_catalog.split_part(p_name, ' ', 1))),
        (pg_catalog.lower(p_generic_name))
    ) AS t (w)
    WHERE w ~ '^[a-z]{3,30}$';
$$;
COMMENT ON FUNCTION private.medicine_search_words(text, text) IS
'The words search_medicines corrects: the brand (first word of the name) and the generic '
'name, lower-cased, when they are 3 to 30 letters.';

CREATE FUNCTION private.medicine_search_terms_add()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    INSERT INTO private.medicine_search_terms (variant, term)
    SELECT
        pg_catalog.unnest(private.medicine_search_variants(w.w)) AS variant,
        w.w AS term
    FROM private.medicine_search_words(NEW.name, NEW.generic_name) AS w (w)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
COMMENT ON FUNCTION private.medicine_search_terms_add() IS
'Adds the search words of an inserted or renamed medicine (a definer: whoever may write '
'medicine_master need not write the search terms).';

CREATE TRIGGER medicine_master_search_terms
AFTER INSERT OR UPDATE OF name, generic_name ON public.medicine_master
FOR EACH ROW EXECUTE FUNCTION private.medicine_search_terms_add();
-- Also under session_replication_role = replica (a bulk load such as seed --scale, a
-- restore): the words are derived data, and a catalogue loaded without them finds no typo.
ALTER TABLE public.medicine_master ENABLE ALWAYS TRIGGER medicine_master_search_terms;

INSERT INTO private.medicine_search_terms (variant, term)
SELECT DISTINCT
    pg_catalog.unnest(private.medicine_search_variants(w.w)) AS variant,
    w.w AS term
FROM public.medicine_master AS m
CROSS JOIN LATERAL private.medicine_search_words(m.name, m.generic_name) AS w (w)
ON CONFLICT DO NOTHING;

REVOKE ALL ON TABLE private.medicine_search_terms
FROM public, anon, authenticated, service_role;
GRANT SELECT ON TABLE private.medicine_search_terms TO anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.medicine_search_variants(text),
private.medicine_search_words(text, text),
private.medicine_search_terms_add() FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION private.medicine_search_variants(text)
TO anon, authenticated, service_role;

COMMIT;
