-- Verify onemedi:content_master on pg

BEGIN;

SELECT
    id,
    title,
    type,
    content_url,
    author_id,
    published_at,
    created_at,
    updated_at
FROM public.content_master
WHERE FALSE;

ROLLBACK;
