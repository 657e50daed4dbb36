-- Deploy onemedi:order_line_drug_schedule to pg
-- requires: order_items
-- requires: medicine_master
-- requires: private_schema
-- The drug schedule an order line was sold under: the line's frozen snapshot
-- (service_snapshot ->> 'drug_schedule', written by place_order), else the sold version's
-- medicine_master.drug_schedule (snapshot medicine_id), else NULL (not a medicine).

BEGIN;

CREATE FUNCTION private.order_line_drug_schedule(p_snapshot jsonb)
RETURNS public.drug_schedule
LANGUAGE sql
STABLE
SECURITY INVOKER
SET search_path = ''
AS $$
    SELECT coalesce(
        (p_snapshot ->> 'drug_schedule')::public.drug_schedule,
        (
            SELECT m.drug_schedule
            FROM public.medicine_master AS m
            WHERE m.id = CASE
                WHEN
                    p_snapshot ->> 'medicine_id'
                    ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    THEN (p_snapshot ->> 'medicine_id')::uuid
            END
        )
    );
$$;

COMMENT ON FUNCTION private.order_line_drug_schedule(jsonb) IS
'The schedule (OTC, H, H1, X) an order line was sold under, from its service_snapshot: the '
'snapshot''s drug_schedule, else the schedule of the sold medicine_master version named by '
'the snapshot''s medicine_id; NULL for lines that are not medicines. Never raises for a '
'snapshot place_order wrote.';

REVOKE ALL ON FUNCTION private.order_line_drug_schedule(jsonb)
FROM anon, authenticated, service_role, public;
GRANT EXECUTE ON FUNCTION private.order_line_drug_schedule(jsonb) TO authenticated, service_role;

COMMIT;
