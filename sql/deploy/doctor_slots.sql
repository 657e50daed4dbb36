-- Deploy onemedi:doctor_slots to pg
-- requires: availability_slots
-- requires: service_catalog

BEGIN;

CREATE VIEW public.doctor_slots
WITH (security_invoker = TRUE)
AS
SELECT
    s.id,
    s.service_catalog_id,
    c.ref_id AS doctor_id,
    s.vendor_id,
    s.branch_id,
    s.start_time,
    s.end_time,
    s.capacity,
    s.booked_count,
    s.version,
    s.created_at,
    s.updated_at
FROM public.availability_slots AS s
INNER JOIN public.service_catalog AS c ON s.service_catalog_id = c.id
WHERE c.service_type = 'DOCTOR_CONSULT';

COMMENT ON VIEW public.doctor_slots IS
'Doctor consultation slots: the availability_slots of DOCTOR_CONSULT catalog rows, with the '
'doctor''s id. Read-only (book through availability_slots); security_invoker, so the '
'caller''s RLS on availability_slots and service_catalog applies.';
COMMENT ON COLUMN public.doctor_slots.doctor_id IS
'public.doctors.id of the consulting doctor (the catalog row''s ref_id).';

GRANT SELECT ON public.doctor_slots TO anon, authenticated, service_role;

COMMIT;
