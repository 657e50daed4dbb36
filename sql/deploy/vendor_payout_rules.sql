-- Deploy onemedi:vendor_payout_rules to pg
-- requires: vendor_payouts
-- requires: vendors
-- requires: orders
-- requires: order_items
-- requires: refund_rules
-- requires: profiles
-- requires: roles
-- Computes a vendor's settlement for a period from its completed, paid order lines, less
-- processed refunds, commission and the TCS the operator withholds, and records it.

BEGIN;

CREATE FUNCTION public.compute_vendor_payout(
    p_vendor_id uuid, p_period_start date, p_period_end date
)
RETURNS public.vendor_payouts
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := (SELECT auth.uid());
    v_backend boolean := coalesce((SELECT auth.jwt()) ->> 'role', '') = 'service_role';
    v_today date := (pg_catalog.now() AT TIME ZONE 'Asia/Kolkata')::date;
    v_rate numeric(5, 2);
    v_clash public.vendor_payouts;
    v_gross numeric;
    v_net_taxable numeric;
    v_tcs_exact numeric;
    v_commission numeric(12, 2);
    v_tcs numeric(12, 2);
    v_row public.vendor_payouts;
BEGIN
    IF p_vendor_id IS NULL OR p_period_start IS NULL OR p_period_end IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'compute_vendor_payout: vendor, period start and period end are required',
            HINT = 'Pass the vendor id and the first and last day (inclusive) to settle.';
    END IF;
    IF NOT v_backend AND NOT EXISTS (
        SELECT 1
        FROM public.profiles AS p
        INNER JOIN public.roles AS r ON p.role_id = r.id
        WHERE p.id = v_uid AND r.name = 'ADMIN'
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'compute_vendor_payout is for admins and the service role only',
            HINT = 'Settlements are run by finance (an ADMIN profile) or the backend.';
    END IF;
    IF p_period_end < p_period_start THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM041',
            MESSAGE = pg_catalog.format(
                'payout period ends on %s, before it starts on %s', p_period_end, p_period_start
            ),
            HINT = 'period_end is the last day settled and must be on or after period_start.';
    END IF;
    IF p_period_end >= v_today THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM042',
            MESSAGE = pg_catalog.format(
                'payout period ending %s is not over yet (today is %s in India)',
                p_period_end, v_today
            ),
            HINT = 'Settle only days that have ended; orders of today may still complete.';
    END IF;
    SELECT v.commission_rate INTO v_rate
    FROM public.vendors AS v
    WHERE v.id = p_vendor_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'P0002',
            MESSAGE = pg_catalog.format('vendor %s not found', p_vendor_id),
            HINT = 'Pass the id of an existing vendor.';
    END IF;
    -- One settlement of a vendor at a time, so the overlap check below sees the other's row.
    PERFORM pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('public.vendor_payouts ' || p_vendor_id::text, 0)
    );
    SELECT * INTO v_clash
    FROM public.vendor_payouts AS vp
    WHERE
        vp.vendor_id = p_vendor_id
        AND vp.status <> 'CANCELLED'
        AND pg_catalog.daterange(vp.period_start, vp.period_end, '[]')
        && pg_catalog.daterange(p_period_start, p_period_end, '[]')
    ORDER BY vp.period_start
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM040',
            MESSAGE = pg_catalog.format(
                'vendor %s already has payout %s (%s) for %s to %s, which overlaps %s to %s',
                p_vendor_id, v_clash.id, v_clash.status, v_clash.period_start,
                v_clash.period_end, p_period_start, p_period_end
            ),
            HINT = 'Settle only days not yet settled, or cancel that payout first.';
    END IF;
    -- Each line: what was paid for it (tax included), less its PROCESSED refunds; the
    -- refunded share comes off the taxable value in proportion.
    WITH lines AS (
        SELECT
            i.taxable_value AS taxable,
            i.taxable_value + i.cgst + i.sgst + i.utgst + i.igst AS paid,
            i.gst_rate,
            (o.created_at AT TIME ZONE 'Asia/Kolkata')::date AS sold_on,
            (
                SELECT coalesce(sum(r.amount), 0)
                FROM public.refunds AS r
                WHERE r.order_item_id = i.id AND r.status = 'PROCESSED'
            ) AS refunded
        FROM public.order_items AS i
        INNER JOIN public.orders AS o ON i.order_id = o.id
        WHERE
            i.vendor_id = p_vendor_id
            AND o.status = 'COMPLETED'
            AND o.payment_status IN ('PAID', 'REFUNDED')
            AND o.created_at >= (p_period_start::timestamp AT TIME ZONE 'Asia/Kolkata')
            AND o.created_at < ((p_period_end + 1)::timestamp AT TIME ZONE 'Asia/Kolkata')
    ),

    kept AS (
        SELECT
            l.paid - l.refunded AS kept_paid,
            CASE
                WHEN l.paid = 0 THEN 0
                ELSE l.taxable * (l.paid - l.refunded) / l.paid
            END AS kept_taxable,
            l.gst_rate,
            l.sold_on
        FROM lines AS l
    )

    SELECT
        coalesce(sum(k.kept_paid), 0),
        coalesce(sum(k.kept_taxable), 0),
        coalesce(sum(
            CASE
                WHEN k.gst_rate = 0 THEN 0
                WHEN k.sold_on >= DATE '2024-07-10' THEN k.kept_taxable * 0.005
                ELSE k.kept_taxable * 0.01
            END
        ), 0)
    INTO v_gross, v_net_taxable, v_tcs_exact
    FROM kept AS k;
    v_commission := round(v_net_taxable * v_rate / 100, 2);
    v_tcs := round(v_tcs_exact, 2);
    INSERT INTO public.vendor_payouts (
        vendor_id, period_start, period_end, gross, commission, tcs, net
    ) VALUES (
        p_vendor_id, p_period_start, p_period_end, v_gross, v_commission, v_tcs,
        v_gross - v_commission - v_tcs
    )
    RETURNING * INTO v_row;
    RETURN v_row;
END;
$$;

COMMENT ON FUNCTION public.compute_vendor_payout(uuid, date, date) IS
'Inserts and returns a PENDING payout of a vendor for the days p_period_start to '
'p_period_end (inclusive, India dates of the orders): gross = what patients paid for the '
'vendor''s lines of COMPLETED, PAID (or REFUNDED) orders, tax included, less PROCESSED '
'refunds; commission = round(net taxable value x commission_rate / 100, 2), the net '
'taxable value being each line''s taxable value less its refunded share; tcs = '
'round(net taxable value of lines with GST > 0 x 0.5% (1% for orders before 10 July '
'2024), 2); net = gross - commission - tcs. Rounding is half away from zero, once per '
'payout. Errors: 22004 a NULL argument; 42501 caller not an admin or the service role; '
'OM041 period_end before period_start; OM042 period_end is today or later (India); P0002 '
'unknown vendor; OM040 the period overlaps a payout of the vendor that is not CANCELLED.';

REVOKE EXECUTE ON FUNCTION public.compute_vendor_payout(uuid, date, date) FROM public;
GRANT EXECUTE ON FUNCTION public.compute_vendor_payout(uuid, date, date)
TO authenticated, service_role;

COMMIT;
