-- search_medicines (changes search_medicines, medicine_search_terms,
-- search_medicines_ranking): a name prefix first, then one typo, transposition, dropped or
-- doubled letter in a brand or a generic name, fewest edits first, two slips by trigrams;
-- current versions only; 22023 for a limit outside 1-50. The brands below are made up
-- (so that no other row of the catalogue is nearer) but shaped like Indian brands.
BEGIN;
SELECT plan(18);

INSERT INTO public.medicine_master (id, name, generic_name, hsn_code) VALUES
('3e000000-0000-4000-8000-000000000001', 'Zorvastin 10', 'Xyloprofenate', '3004'),
('3e000000-0000-4000-8000-000000000002', 'Zorvastin 20', 'Xyloprofenate', '3004'),
('3e000000-0000-4000-8000-000000000003', 'Quelpanex 500', 'Tribomycetin', '3004'),
('3e000000-0000-4000-8000-000000000004', 'Quelpanex Syrup', 'Tribomycetin', '3004'),
('3e000000-0000-4000-8000-000000000005', 'Vexidrol 650', 'Grumbazole', '3004');

SELECT results_eq(
    $$SELECT s.name FROM public.search_medicines('zorv', 2) AS s$$,
    $$VALUES ('Zorvastin 10'), ('Zorvastin 20')$$,
    'a prefix finds both Zorvastins first, in name order'
);
SELECT is(
    (SELECT s.name FROM public.search_medicines('ZORVASTIN 2', 1) AS s),
    'Zorvastin 20',
    'the prefix ignores case and comes first'
);
SELECT is(
    (SELECT s.name FROM public.search_medicines('Zorvstin', 1) AS s),
    'Zorvastin 10',
    'a dropped letter in the brand still finds it first'
);
SELECT is(
    (SELECT s.name FROM public.search_medicines('Quelpnaex', 1) AS s),
    'Quelpanex 500',
    'a transposition in the brand finds it'
);
SELECT is(
    (SELECT s.name FROM public.search_medicines('Vexxidrol', 1) AS s),
    'Vexidrol 650',
    'a doubled letter finds it'
);
SELECT ok(
    'Tribomycetin' = all(
        SELECT s.generic_name FROM public.search_medicines('Tribomycetn', 2) AS s
    ),
    'a misspelt generic name finds the medicines of that generic first'
);
SELECT ok(
    EXISTS (
        SELECT 1 FROM public.search_medicines('Grumbazol', 5) AS s
        WHERE s.name = 'Vexidrol 650'
    ),
    'a generic name without its last letter finds its medicine'
);
SELECT is(
    (SELECT count(*)::integer FROM public.search_medicines('z', 10)),
    0,
    'one letter finds nothing (it would match half the catalogue)'
);
SELECT is(
    (SELECT count(*)::integer FROM public.search_medicines('zorvastin', 1)),
    1,
    'p_limit caps the rows'
);

-- The words behind the typo lookup follow the catalogue (trigger medicine_master_search_terms).
SELECT ok(
    EXISTS (
        SELECT 1 FROM private.medicine_search_terms AS t
        WHERE t.variant = 'zorvstin' AND t.term = 'zorvastin'
    ),
    'a new brand is filed under each of its one-letter deletions'
);
UPDATE public.medicine_master SET name = 'Pelvorin 650'
WHERE id = '3e000000-0000-4000-8000-000000000005';
SELECT is(
    (SELECT s.name FROM public.search_medicines('Pelvroin', 1) AS s),
    'Pelvorin 650',
    'a renamed medicine is found by a typo of its new name'
);
SELECT is(
    (SELECT s.name FROM public.search_medicines('Zorvsatn', 1) AS s),
    'Zorvastin 10',
    'two slips (a swap and a dropped letter) still find it, by trigrams'
);
SELECT is(
    (SELECT count(*)::integer FROM public.search_medicines('qqqqqq', 5)),
    0,
    'text near no word finds nothing'
);

-- A new version replaces the old one in the results.
SELECT lives_ok(
    $$SELECT public.publish_medicine_version(
        '3e000000-0000-4000-8000-000000000003', '{"pack_size": "15 tablets"}'
    )$$,
    'Quelpanex 500 gets a new version'
);
SELECT is(
    (
        SELECT array_agg(s.version ORDER BY s.version)
        FROM public.search_medicines('Quelpanex 500', 5) AS s
        WHERE s.name = 'Quelpanex 500'
    ),
    ARRAY[2],
    'only its current version is found'
);

SELECT throws_ok(
    $$SELECT * FROM public.search_medicines('zorvastin', 0)$$,
    '22023',
    'search_medicines returns 1 to 50 medicines, not 0',
    'p_limit below 1 is refused'
);
SELECT throws_ok(
    $$SELECT * FROM public.search_medicines('zorvastin', 51)$$,
    '22023',
    'search_medicines returns 1 to 50 medicines, not 51',
    'p_limit above 50 is refused'
);
SELECT ok(
    has_function_privilege('anon', 'public.search_medicines(text, integer)', 'EXECUTE')
    AND NOT (
        SELECT p.prosecdef FROM pg_catalog.pg_proc AS p
        WHERE p.oid = 'public.search_medicines(text, integer)'::regprocedure
    ),
    'anyone may search, with their own rights (the catalogue is public)'
);

SELECT * FROM finish();
ROLLBACK;
