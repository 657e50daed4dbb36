-- Verify onemedi:scans_master on pg

BEGIN;

SELECT
    id,
    name,
    body_part,
    modality,
    contrast_required,
    created_at,
    updated_at
FROM public.scans_master
WHERE FALSE;

ROLLBACK;
