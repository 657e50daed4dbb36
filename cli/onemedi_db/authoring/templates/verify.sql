-- Verify __project__:__change__ on pg

BEGIN;

SELECT
    id,
    created_at,
    updated_at
FROM public.__change__
WHERE FALSE;

ROLLBACK;
