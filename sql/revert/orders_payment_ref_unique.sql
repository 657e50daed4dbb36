-- Revert onemedi:orders_payment_ref_unique from pg

BEGIN;

ALTER TABLE public.orders DROP CONSTRAINT orders_payment_ref_key;

-- The renamed references get their gateway value back.
UPDATE public.orders AS o
SET payment_ref = c.payment_ref
FROM private.payment_ref_conflicts AS c
WHERE o.id = c.order_id;

DROP TABLE private.payment_ref_conflicts;

COMMIT;
