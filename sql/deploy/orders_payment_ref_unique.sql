-- Deploy onemedi:orders_payment_ref_unique to pg
-- requires: orders
-- requires: audit_trail
-- requires: private_schema
-- One payment of the gateway marks one order: orders.payment_ref becomes UNIQUE. Orders that
-- already share a reference are resolved first: the oldest keeps it, each later one gets
-- '<ref>#dup-<order id>' and a row in payment_ref_conflicts for finance to reconcile with the
-- gateway (the migration says how many in a WARNING).

BEGIN;

CREATE TABLE private.payment_ref_conflicts (
    order_id uuid PRIMARY KEY REFERENCES public.orders (id) ON DELETE RESTRICT,
    payment_ref text NOT NULL,
    kept_by_order_id uuid NOT NULL REFERENCES public.orders (id) ON DELETE RESTRICT,
    resolved_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payment_ref_conflicts_other_order CHECK (kept_by_order_id <> order_id)
);

CREATE INDEX payment_ref_conflicts_kept_by_order_id_idx
ON private.payment_ref_conflicts (kept_by_order_id);

ALTER TABLE private.payment_ref_conflicts ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE private.payment_ref_conflicts IS
'Orders found sharing a gateway payment reference when orders.payment_ref became unique: '
'each later order''s reference was renamed <ref>#dup-<order id>; finance reconciles them '
'with the gateway. Written once by the migration; read by the backend only.';
COMMENT ON COLUMN private.payment_ref_conflicts.order_id IS
'The order whose reference was renamed (it is now <payment_ref>#dup-<order_id>).';
COMMENT ON COLUMN private.payment_ref_conflicts.payment_ref IS
'The gateway reference the order carried before the rename.';
COMMENT ON COLUMN private.payment_ref_conflicts.kept_by_order_id IS
'The oldest order with that reference, which kept it.';
COMMENT ON CONSTRAINT payment_ref_conflicts_other_order ON private.payment_ref_conflicts IS
'Refuses a conflict of an order with itself.';

REVOKE ALL ON private.payment_ref_conflicts FROM anon, authenticated, service_role, public;
GRANT SELECT ON private.payment_ref_conflicts TO service_role;

INSERT INTO private.payment_ref_conflicts (order_id, payment_ref, kept_by_order_id)
SELECT
    r.id,
    r.payment_ref,
    r.kept_by
FROM (
    SELECT
        o.id,
        o.payment_ref,
        first_value(o.id) OVER w AS kept_by,
        row_number() OVER w AS n
    FROM public.orders AS o
    WHERE o.payment_ref IS NOT NULL
    WINDOW w AS (PARTITION BY o.payment_ref ORDER BY o.created_at, o.id)
) AS r
WHERE r.n > 1;

UPDATE public.orders AS o
SET payment_ref = c.payment_ref || '#dup-' || o.id::text
FROM private.payment_ref_conflicts AS c
WHERE o.id = c.order_id;

DO $$
DECLARE
    v_n bigint := (SELECT count(*) FROM private.payment_ref_conflicts);
BEGIN
    IF v_n > 0 THEN
        RAISE WARNING USING
            MESSAGE = pg_catalog.format(
                '%s orders shared a gateway payment reference with an older order: their '
                || 'references were renamed <ref>#dup-<order id>', v_n
            ),
            HINT = 'Reconcile them with the gateway: SELECT * FROM private.payment_ref_conflicts.';
    END IF;
END
$$;

ALTER TABLE public.orders
ADD CONSTRAINT orders_payment_ref_key UNIQUE (payment_ref);

COMMENT ON CONSTRAINT orders_payment_ref_key ON public.orders IS
'Refuses a gateway payment reference already held by another order: one payment marks one '
'order PAID (record_payment reports OM096 first).';

COMMIT;
