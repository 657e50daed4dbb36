-- Revert onemedi:checkout from pg
-- Brings back the 1.0.0 checkout (place_order_consults' body, tax added on top of prices,
-- invoices at checkout) and drops the split checkout.

BEGIN;

ALTER TABLE public.order_items ALTER COLUMN tax_basis SET DEFAULT 'EXCLUSIVE';
ALTER TABLE public.orders ALTER COLUMN tax_basis SET DEFAULT 'EXCLUSIVE';

DROP FUNCTION public.quote_cart(uuid, uuid, text);
DROP FUNCTION public.place_order(uuid, uuid, numeric, text);
DROP FUNCTION private.checkout_take_stock(private.checkout_line);
DROP FUNCTION private.checkout_cart(uuid, uuid, boolean);
DROP FUNCTION private.checkout_address(uuid, uuid);
DROP FUNCTION private.checkout_totals(private.checkout_line[]);
DROP FUNCTION private.checkout_lines(uuid, text, date, public.coupons);
DROP FUNCTION private.checkout_tax_line(private.checkout_line, date, text);
DROP FUNCTION private.checkout_apply_coupon(private.checkout_line[], public.coupons);
DROP FUNCTION private.checkout_coupon(text, timestamptz, boolean);
DROP FUNCTION private.checkout_price_line(
    uuid, public.service_type, uuid, boolean, integer, uuid, uuid, uuid
);
DROP FUNCTION private.checkout_supplier_state(uuid, uuid, text, text);
DROP FUNCTION private.checkout_offer_doctor_consult(uuid, uuid, uuid);
DROP FUNCTION private.checkout_offer_home_service(uuid, uuid, uuid);
DROP FUNCTION private.checkout_offer_scan(uuid, uuid, uuid);
DROP FUNCTION private.checkout_offer_lab_test(uuid, uuid, uuid);
DROP FUNCTION private.checkout_offer_medicine(uuid, uuid, uuid);
DROP TYPE private.checkout_offer;
DROP TYPE private.checkout_line;

CREATE OR REPLACE FUNCTION public.place_order(
    p_cart_id uuid, p_address_id uuid, p_coupon_code text DEFAULT NULL
)
RETURNS public.orders
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid;
    v_now timestamptz := pg_catalog.now();
    v_on date;
    v_cart public.carts;
    v_address jsonb;
    v_supply_state text;
    v_coupon public.coupons;
    v_used bigint;
    v_item record;
    v_vendor public.vendors;
    v_name text;
    v_price numeric(12, 2);
    v_hsn text;
    v_snapshot jsonb;
    v_needs_slot boolean;
    v_seats integer;
    v_location_id uuid;
    v_supplier_state text;
    v_slot public.availability_slots;
    v_stock integer;
    v_lines jsonb := '[]';
    v_line jsonb;
    v_idx integer;
    v_gross numeric(12, 2) := 0;
    v_discount numeric(12, 2) := 0;
    v_allocated numeric(12, 2) := 0;
    v_line_discount numeric(12, 2);
    v_largest integer := 0;
    v_tax record;
    v_tax_total numeric(12, 2) := 0;
    v_order public.orders;
    v_item_id uuid;
    v_vendor_id uuid;
BEGIN
    v_uid := (SELECT auth.uid());
    IF v_uid IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'sign in to place an order',
            HINT = 'Call place_order as the signed-in owner of the cart.';
    END IF;
    v_on := (v_now AT TIME ZONE 'Asia/Kolkata')::date;

    SELECT c.* INTO v_cart
    FROM public.carts AS c
    WHERE c.id = p_cart_id AND c.profile_id = v_uid
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM007',
            MESSAGE = pg_catalog.format('cart %s not found', p_cart_id),
            HINT = 'Re-read your open cart and check out that one.';
    END IF;
    IF v_cart.status <> 'OPEN' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM008',
            MESSAGE = pg_catalog.format('cart %s is %s, not OPEN', p_cart_id, v_cart.status),
            HINT = 'This cart was already checked out or abandoned; use your open cart.';
    END IF;

    SELECT
        pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
            'line_1', a.line_1, 'line_2', a.line_2, 'city', ci.name,
            'state_code', ci.state_code, 'pincode', a.pincode
        )),
        ci.state_code
    INTO v_address, v_supply_state
    FROM public.addresses AS a
    INNER JOIN public.cities AS ci ON a.city_id = ci.id
    WHERE a.id = p_address_id AND a.profile_id = v_uid;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM014',
            MESSAGE = pg_catalog.format('address %s not found', p_address_id),
            HINT = 'Pick one of your saved addresses.';
    END IF;

    -- The coupon row is locked before its redemptions are counted: concurrent checkouts
    -- with the same coupon count one after another (and always lock it first).
    IF p_coupon_code IS NOT NULL THEN
        SELECT c.* INTO v_coupon
        FROM public.coupons AS c
        WHERE pg_catalog.lower(c.code) = pg_catalog.lower(pg_catalog.btrim(p_coupon_code))
        FOR UPDATE;
        IF NOT FOUND OR NOT v_coupon.is_active THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM015',
                MESSAGE = pg_catalog.format('coupon %s is not valid', p_coupon_code),
                HINT = 'Check the code, or order without a coupon.';
        END IF;
        IF v_now < v_coupon.valid_from OR v_now >= v_coupon.valid_to THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM016',
                MESSAGE = pg_catalog.format(
                    'coupon %s is valid from %s until %s only',
                    v_coupon.code, v_coupon.valid_from, v_coupon.valid_to
                ),
                HINT = 'The coupon has expired or is not yet valid; order without it.';
        END IF;
        IF v_coupon.max_uses IS NOT NULL THEN
            SELECT pg_catalog.count(*) INTO v_used
            FROM public.coupon_redemptions AS r
            WHERE r.coupon_id = v_coupon.id;
            IF v_used >= v_coupon.max_uses THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'OM017',
                    MESSAGE = pg_catalog.format(
                        'coupon %s has been used up (%s of %s uses)',
                        v_coupon.code, v_used, v_coupon.max_uses
                    ),
                    HINT = 'Order without the coupon or use another one.';
            END IF;
        END IF;
    END IF;

    -- Pass 1, in catalog order (a fixed lock order across checkouts): price every line from
    -- the vendor's current offer, take its stock and slot seats, snapshot it.
    FOR v_item IN
        SELECT
            i.service_catalog_id, i.qty, i.vendor_id, i.branch_id, i.slot_id,
            sc.service_type, sc.ref_id, sc.is_active
        FROM public.cart_items AS i
        INNER JOIN public.service_catalog AS sc ON i.service_catalog_id = sc.id
        WHERE i.cart_id = p_cart_id
        ORDER BY i.service_catalog_id
    LOOP
        IF v_item.vendor_id IS NULL
            OR (v_item.branch_id IS NULL AND v_item.service_type <> 'HOME_SERVICE') THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM011',
                MESSAGE = pg_catalog.format(
                    'cart line %s names no %s to buy from',
                    v_item.service_catalog_id,
                    CASE WHEN v_item.vendor_id IS NULL THEN 'vendor' ELSE 'branch' END
                ),
                HINT = 'Choose a vendor and branch for every line of the cart.';
        END IF;
        SELECT v.* INTO v_vendor FROM public.vendors AS v WHERE v.id = v_item.vendor_id;
        v_name := NULL;
        v_snapshot := NULL;
        IF v_item.is_active AND v_vendor.is_active THEN
            CASE v_item.service_type
                WHEN 'MEDICINE' THEN
                    SELECT
                        m.name, inv.price, m.hsn_code,
                        pg_catalog.jsonb_build_object(
                            'version', m.version, 'medicine_id', m.id,
                            'generic_name', m.generic_name, 'manufacturer', m.manufacturer,
                            'dosage_form', m.dosage_form, 'strength', m.strength,
                            'pack_size', m.pack_size,
                            'prescription_required', m.prescription_required,
                            'drug_schedule', m.drug_schedule, 'mrp', inv.mrp,
                            'inventory_id', inv.id
                        )
                    INTO v_name, v_price, v_hsn, v_snapshot
                    FROM public.medicine_inventory AS inv
                    INNER JOIN public.medicine_master AS m ON inv.medicine_id = m.id
                    WHERE
                        inv.medicine_id = v_item.ref_id
                        AND inv.vendor_id = v_item.vendor_id
                        AND inv.branch_id = v_item.branch_id;
                WHEN 'LAB_TEST' THEN
                    SELECT
                        t.name, p.price, '9993',
                        pg_catalog.jsonb_build_object(
                            'version', 1, 'lab_test_id', t.id, 'code', t.code,
                            'sample_type', t.sample_type, 'fasting_needed', t.fasting_needed,
                            'nabl_accredited', p.nabl_accredited, 'mrp', p.mrp,
                            'pricing_id', p.id
                        )
                    INTO v_name, v_price, v_hsn, v_snapshot
                    FROM public.lab_pricing AS p
                    INNER JOIN public.lab_tests AS t ON p.test_id = t.id
                    WHERE
                        p.test_id = v_item.ref_id
                        AND p.vendor_id = v_item.vendor_id
                        AND p.branch_id = v_item.branch_id;
                WHEN 'SCAN' THEN
                    SELECT
                        s.name, p.price, '9993',
                        pg_catalog.jsonb_build_object(
                            'version', 1, 'scan_id', s.id, 'modality', s.modality,
                            'body_part', s.body_part,
                            'contrast_required', s.contrast_required, 'mrp', p.mrp,
                            'pricing_id', p.id
                        )
                    INTO v_name, v_price, v_hsn, v_snapshot
                    FROM public.scan_pricing AS p
                    INNER JOIN public.scans_master AS s ON p.scan_id = s.id
                    WHERE
                        p.scan_id = v_item.ref_id
                        AND p.vendor_id = v_item.vendor_id
                        AND p.branch_id = v_item.branch_id;
                WHEN 'HOME_SERVICE' THEN
                    SELECT
                        s.name, p.base_price, '9993',
                        pg_catalog.jsonb_build_object(
                            'version', 1, 'service_id', s.id, 'unit', s.unit,
                            'base_price', p.base_price, 'variable_price', p.variable_price,
                            'pricing_id', p.id
                        )
                    INTO v_name, v_price, v_hsn, v_snapshot
                    FROM public.service_pricing AS p
                    INNER JOIN public.services_master AS s ON p.service_id = s.id
                    WHERE p.service_id = v_item.ref_id AND p.vendor_id = v_item.vendor_id;
                WHEN 'DOCTOR_CONSULT' THEN
                    SELECT
                        coalesce(pr.full_name, 'Doctor ' || d.reg_number), p.price, '9993',
                        pg_catalog.jsonb_build_object(
                            'version', 1, 'doctor_id', d.id, 'specialty', d.specialty,
                            'reg_number', d.reg_number, 'mrp', p.mrp, 'pricing_id', p.id
                        )
                    INTO v_name, v_price, v_hsn, v_snapshot
                    FROM public.consult_pricing AS p
                    INNER JOIN public.doctors AS d ON p.doctor_id = d.id
                    INNER JOIN public.profiles AS pr ON d.profile_id = pr.id
                    WHERE
                        p.doctor_id = v_item.ref_id
                        AND p.vendor_id = v_item.vendor_id
                        AND p.branch_id = v_item.branch_id;
                ELSE
                    NULL;  -- no price list for this type (insurance, content)
            END CASE;
        END IF;
        IF v_snapshot IS NULL THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM012',
                MESSAGE = pg_catalog.format(
                    'vendor %s does not currently offer cart item %s (%s)',
                    coalesce(v_vendor.name, v_item.vendor_id::text),
                    v_item.service_catalog_id, v_item.service_type
                ),
                HINT = 'Remove the line or choose another vendor or branch for it.';
        END IF;

        -- Slots: a consultation, test or scan books one seat per unit; a home service one.
        v_needs_slot := v_item.service_type IN ('LAB_TEST', 'SCAN', 'DOCTOR_CONSULT');
        v_seats := CASE WHEN v_item.service_type = 'HOME_SERVICE' THEN 1 ELSE v_item.qty END;
        v_slot := NULL;
        IF v_item.service_type <> 'MEDICINE' AND v_item.slot_id IS NOT NULL THEN
            IF NOT EXISTS (
                SELECT 1 FROM public.availability_slots AS s
                WHERE
                    s.id = v_item.slot_id
                    AND s.service_catalog_id = v_item.service_catalog_id
                    AND s.vendor_id = v_item.vendor_id
            ) THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'OM013',
                    MESSAGE = pg_catalog.format(
                        'slot %s is not a slot of %s at vendor %s',
                        v_item.slot_id, v_name, v_vendor.name
                    ),
                    HINT = 'Pick one of the vendor''s slots for this item.';
            END IF;
            v_slot := public.book_slot_seats(v_item.slot_id, NULL, v_seats);
        ELSIF v_needs_slot THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM013',
                MESSAGE = pg_catalog.format('%s needs a slot', v_name),
                HINT = 'Pick a slot for every consultation, test and scan in the cart.';
        END IF;

        -- Stock: never below zero; a short line fails the whole order.
        IF v_item.service_type = 'MEDICINE' THEN
            UPDATE public.medicine_inventory AS inv
            SET stock_qty = inv.stock_qty - v_item.qty
            WHERE inv.id = (v_snapshot ->> 'inventory_id')::uuid AND inv.stock_qty >= v_item.qty
            RETURNING inv.stock_qty INTO v_stock;
            IF NOT FOUND THEN
                SELECT inv.stock_qty INTO v_stock
                FROM public.medicine_inventory AS inv
                WHERE inv.id = (v_snapshot ->> 'inventory_id')::uuid;
                RAISE EXCEPTION USING
                    ERRCODE = 'OM010',
                    MESSAGE = pg_catalog.format(
                        '%s is out of stock at %s: %s requested, %s available',
                        v_name, v_vendor.name, v_item.qty, v_stock
                    ),
                    HINT = 'Lower the quantity, or choose another branch or vendor.';
            END IF;
        END IF;

        -- Supplier's state: the branch, else the slot's branch, else the vendor's first one.
        v_location_id := coalesce(v_item.branch_id, v_slot.branch_id);
        SELECT ci.state_code INTO v_supplier_state
        FROM public.vendor_locations AS vl
        INNER JOIN public.cities AS ci ON vl.city_id = ci.id
        WHERE
            vl.vendor_id = v_item.vendor_id
            AND (v_location_id IS NULL OR vl.id = v_location_id)
        ORDER BY vl.created_at, vl.id
        LIMIT 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM012',
                MESSAGE = pg_catalog.format(
                    'vendor %s has no branch to supply %s from', v_vendor.name, v_name
                ),
                HINT = 'Remove the line or choose another vendor for it.';
        END IF;

        v_snapshot := v_snapshot || pg_catalog.jsonb_build_object(
            'name', v_name, 'service_type', v_item.service_type,
            'catalog_id', v_item.service_catalog_id, 'vendor_id', v_item.vendor_id,
            'vendor_name', v_vendor.name, 'branch_id', v_location_id, 'price', v_price,
            'hsn_code', v_hsn, 'supplier_state_code', v_supplier_state,
            'place_of_supply', v_supply_state
        );
        v_lines := v_lines || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
            'catalog_id', v_item.service_catalog_id, 'vendor_id', v_item.vendor_id,
            'qty', v_item.qty, 'price', v_price, 'hsn', v_hsn,
            'supplier_state', v_supplier_state, 'slot_id', v_slot.id, 'seats', v_seats,
            'service_type', v_item.service_type, 'snapshot', v_snapshot
        ));
        v_gross := v_gross + v_item.qty * v_price;
    END LOOP;

    IF pg_catalog.jsonb_array_length(v_lines) = 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM009',
            MESSAGE = pg_catalog.format('cart %s is empty', p_cart_id),
            HINT = 'Add items to the cart before checking out.';
    END IF;

    -- Discount: PERCENT of the gross (rounded to the paisa), FLAT up to the gross; shared
    -- over the lines in proportion to their value, the rounding remainder to the largest.
    IF v_coupon.id IS NOT NULL THEN
        v_discount := CASE v_coupon.discount_type
            WHEN 'PERCENT' THEN pg_catalog.round(v_gross * v_coupon.value / 100, 2)
            ELSE least(v_coupon.value, v_gross)
        END;
    END IF;
    FOR v_idx IN 0 .. pg_catalog.jsonb_array_length(v_lines) - 1 LOOP
        v_line := v_lines -> v_idx;
        IF (v_line ->> 'qty')::integer * (v_line ->> 'price')::numeric
            > (v_lines -> v_largest ->> 'qty')::integer
            * (v_lines -> v_largest ->> 'price')::numeric THEN
            v_largest := v_idx;
        END IF;
        v_line_discount := CASE
            WHEN v_gross = 0 THEN 0
            ELSE pg_catalog.round(
                (v_line ->> 'qty')::integer * (v_line ->> 'price')::numeric
                * v_discount / v_gross, 2
            )
        END;
        v_allocated := v_allocated + v_line_discount;
        v_lines := pg_catalog.jsonb_set(
            v_lines, ARRAY[v_idx::text, 'discount'], pg_catalog.to_jsonb(v_line_discount)
        );
    END LOOP;
    v_lines := pg_catalog.jsonb_set(
        v_lines, ARRAY[v_largest::text, 'discount'],
        pg_catalog.to_jsonb(
            (v_lines -> v_largest ->> 'discount')::numeric + v_discount - v_allocated
        )
    );

    -- GST per line on its taxable value, split by place of supply (order_line_tax).
    FOR v_idx IN 0 .. pg_catalog.jsonb_array_length(v_lines) - 1 LOOP
        v_line := v_lines -> v_idx;
        SELECT t.* INTO v_tax
        FROM public.order_line_tax(
            (v_line ->> 'qty')::integer * (v_line ->> 'price')::numeric
            - (v_line ->> 'discount')::numeric,
            v_line ->> 'hsn', v_on, v_line ->> 'supplier_state', v_supply_state
        ) AS t;
        v_lines := pg_catalog.jsonb_set(v_lines, ARRAY[v_idx::text, 'tax'], pg_catalog.to_jsonb(v_tax));
        v_lines := pg_catalog.jsonb_set(
            v_lines, ARRAY[v_idx::text, 'snapshot', 'gst_rate'], pg_catalog.to_jsonb(v_tax.gst_rate)
        );
        v_tax_total := v_tax_total + v_tax.cgst + v_tax.sgst + v_tax.utgst + v_tax.igst;
    END LOOP;

    INSERT INTO public.orders (
        profile_id, address_id, delivery_address, delivery_state_code, coupon_id,
        gross_amount, discount_amount, tax_amount, net_amount, created_at, updated_at
    ) VALUES (
        v_uid, p_address_id, v_address, v_supply_state, v_coupon.id,
        v_gross, v_discount, v_tax_total, v_gross - v_discount + v_tax_total, v_now, v_now
    )
    RETURNING * INTO v_order;

    FOR v_line IN SELECT l.value FROM pg_catalog.jsonb_array_elements(v_lines) AS l LOOP
        INSERT INTO public.order_items (
            order_id, service_catalog_id, vendor_id, qty, unit_price, discount_amount,
            taxable_value, hsn_code, gst_rate, cgst, sgst, utgst, igst, service_snapshot
        ) VALUES (
            v_order.id, (v_line ->> 'catalog_id')::uuid, (v_line ->> 'vendor_id')::uuid,
            (v_line ->> 'qty')::integer, (v_line ->> 'price')::numeric,
            (v_line ->> 'discount')::numeric,
            (v_line ->> 'qty')::integer * (v_line ->> 'price')::numeric
            - (v_line ->> 'discount')::numeric,
            v_line ->> 'hsn', (v_line #>> '{tax,gst_rate}')::numeric,
            (v_line #>> '{tax,cgst}')::numeric, (v_line #>> '{tax,sgst}')::numeric,
            (v_line #>> '{tax,utgst}')::numeric, (v_line #>> '{tax,igst}')::numeric,
            v_line -> 'snapshot'
        )
        RETURNING id INTO v_item_id;
        IF v_line ->> 'service_type' <> 'MEDICINE' THEN
            INSERT INTO public.service_bookings (
                order_item_id, patient_id, slot_id, fulfillment_status
            )
            SELECT
                v_item_id, v_uid, (v_line ->> 'slot_id')::uuid,
                CASE
                    WHEN v_line ->> 'slot_id' IS NULL THEN 'PENDING'
                    ELSE 'SCHEDULED'
                END::public.fulfillment_status
            FROM pg_catalog.generate_series(1, (v_line ->> 'seats')::integer);
        END IF;
    END LOOP;

    FOR v_vendor_id IN
        SELECT DISTINCT (l.value ->> 'vendor_id')::uuid
        FROM pg_catalog.jsonb_array_elements(v_lines) AS l
        ORDER BY 1
    LOOP
        INSERT INTO public.order_invoices (order_id, vendor_id, invoice_number, invoice_date)
        VALUES (
            v_order.id, v_vendor_id, public.next_invoice_number(v_vendor_id, v_on), v_on
        );
    END LOOP;

    IF v_coupon.id IS NOT NULL THEN
        INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
        VALUES (v_coupon.id, v_order.id, v_uid, v_now);
    END IF;

    UPDATE public.carts AS c
    SET status = 'CHECKED_OUT', checked_out_at = v_now
    WHERE c.id = p_cart_id;

    RETURN v_order;
END
$$;

COMMENT ON FUNCTION public.place_order(uuid, uuid, text) IS
'Checks out the caller''s OPEN cart into a PENDING/AWAITING order in one transaction: each '
'line priced from its vendor''s current offer (medicine_inventory, lab_pricing, scan_pricing, '
'consult_pricing or service_pricing base_price), snapshotted, taxed with order_line_tax for '
'the delivery address''s state; stock decremented; coupon applied; slot seats booked with '
'service_bookings; one invoice per vendor (next_invoice_number); cart CHECKED_OUT. Returns '
'the order. Errors: '
'42501 not signed in; OM007 cart not found (or not yours); OM008 cart not OPEN; OM009 cart '
'empty; OM014 address not found (or not yours); OM015 coupon unknown or withdrawn; OM016 '
'coupon outside its validity window; OM017 coupon used up; OM011 line without vendor or '
'branch; OM012 item not offered (no price, inactive item or vendor, no branch); OM013 '
'consultation, test or scan without a slot, or a slot of another item or vendor; OM010 out '
'of stock (names item, requested and available); from the slot: OM003 unknown, OM004 '
'started, OM002 full; P0002 no GST slab for the item''s code.';

REVOKE EXECUTE ON FUNCTION public.place_order(uuid, uuid, text) FROM public, anon;
GRANT EXECUTE ON FUNCTION public.place_order(uuid, uuid, text) TO authenticated, service_role;

COMMIT;
