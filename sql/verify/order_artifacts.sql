-- Verify onemedi:order_artifacts on pg

BEGIN;

SELECT
    id,
    order_id,
    type,
    file_url,
    uploaded_by,
    created_at,
    updated_at
FROM public.order_artifacts
WHERE FALSE;

ROLLBACK;
