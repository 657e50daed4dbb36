-- Verify onemedi:states on pg

BEGIN;

SELECT
    code,
    name,
    is_union_territory,
    has_legislature,
    uses_utgst,
    created_at,
    updated_at
FROM public.states
WHERE FALSE;

SELECT 1 / (count(*) = 37)::int FROM public.states;

ROLLBACK;
