-- Deploy onemedi:checkout to pg
-- requires: place_order_consults
-- requires: checkout_only_via_place_order
-- requires: order_tax_basis
-- requires: line_tax_inclusive
-- requires: gst_registrations
-- requires: quantity_limits
-- requires: private_schema
-- Checkout in small functions with one job each: find the offer of a line (one function per
-- service type), price a line, apply a coupon, take the GST out of each tax-inclusive line,
-- check the supplier's GST registration, take stock, book seats. place_order puts them
-- together and now takes the total the patient was shown: a price raised since is refused
-- (OM070) instead of charged. quote_cart gives that total. Tax documents are no longer
-- issued at checkout (an unpaid, undelivered order is not a supply): see tax_documents.
-- The 1.0.0 place_order(uuid, uuid, text) stays only to tell a caller without the total
-- what to send (OM078); order_line_tax (tax added on top of a price) is no longer used by
-- checkout and stays for tax-exclusive amounts.

BEGIN;

-- One line of a cart on its way into an order, priced and taxed.
CREATE TYPE private.checkout_line AS (
    catalog_id uuid,
    service_type public.service_type,
    vendor_id uuid,
    vendor_name text,
    branch_id uuid,
    slot_id uuid,
    qty integer,
    seats integer,
    name text,
    unit_price public.inr,
    hsn_code text,
    supplier_state text,
    snapshot jsonb,
    discount public.inr,
    gst_rate public.percent_rate,
    taxable_value public.inr,
    cgst public.inr,
    sgst public.inr,
    utgst public.inr,
    igst public.inr
);

COMMENT ON TYPE private.checkout_line IS
'One cart line inside checkout: what is bought from whom (vendor, branch, slot, seats), its '
'tax-inclusive unit price, HSN/SAC code and snapshot, the state it is supplied from, its '
'share of the discount and the GST inside it. Internal to checkout.';

-- What a vendor currently offers for one catalogue item.
CREATE TYPE private.checkout_offer AS (
    name text,
    unit_price public.inr,
    hsn_code text,
    snapshot jsonb
);

COMMENT ON TYPE private.checkout_offer IS
'A vendor''s current offer of one catalogue item: its name, tax-inclusive unit price, '
'HSN/SAC code and the snapshot an order line keeps. Internal to checkout.';

CREATE FUNCTION private.checkout_offer_medicine(
    p_ref_id uuid, p_vendor_id uuid, p_branch_id uuid
)
RETURNS private.checkout_offer
LANGUAGE sql
STABLE
SET search_path = ''
AS $$
    SELECT
        m.name,
        inv.price,
        m.hsn_code,
        pg_catalog.jsonb_build_object(
            'version', m.version, 'medicine_id', m.id, 'generic_name', m.generic_name,
            'manufacturer', m.manufacturer, 'dosage_form', m.dosage_form,
            'strength', m.strength, 'pack_size', m.pack_size,
            'prescription_required', m.prescription_required,
            'drug_schedule', m.drug_schedule, 'mrp', inv.mrp, 'inventory_id', inv.id
        )
    FROM public.medicine_inventory AS inv
    INNER JOIN public.medicine_master AS m ON inv.medicine_id = m.id
    WHERE
        inv.medicine_id = p_ref_id
        AND inv.vendor_id = p_vendor_id
        AND inv.branch_id = p_branch_id
$$;

CREATE FUNCTION private.checkout_offer_lab_test(
    p_ref_id uuid, p_vendor_id uuid, p_branch_id uuid
)
RETURNS private.checkout_offer
LANGUAGE sql
STABLE
SET search_path = ''
AS $$
    SELECT
        t.name,
        p.price,
        '9993',
        pg_catalog.jsonb_build_object(
            'version', 1, 'lab_test_id', t.id, 'code', t.code, 'sample_type', t.sample_type,
            'fasting_needed', t.fasting_needed, 'nabl_accredited', p.nabl_accredited,
            'mrp', p.mrp, 'pricing_id', p.id
        )
    FROM public.lab_pricing AS p
    INNER JOIN public.lab_tests AS t ON p.test_id = t.id
    WHERE
        p.test_id = p_ref_id
        AND p.vendor_id = p_vendor_id
        AND p.branch_id = p_branch_id
$$;

CREATE FUNCTION private.checkout_offer_scan(
    p_ref_id uuid, p_vendor_id uuid, p_branch_id uuid
)
RETURNS private.checkout_offer
LANGUAGE sql
STABLE
SET search_path = ''
AS $$
    SELECT
        s.name,
        p.price,
        '9993',
        pg_catalog.jsonb_build_object(
            'version', 1, 'scan_id', s.id, 'modality', s.modality, 'body_part', s.body_part,
            'contrast_required', s.contrast_required, 'mrp', p.mrp, 'pricing_id', p.id
        )
    FROM public.scan_pricing AS p
    INNER JOIN public.scans_master AS s ON p.scan_id = s.id
    WHERE
        p.scan_id = p_ref_id
        AND p.vendor_id = p_vendor_id
        AND p.branch_id = p_branch_id
$$;

CREATE FUNCTION private.checkout_offer_home_service(
    p_ref_id uuid, p_vendor_id uuid, p_branch_id uuid
)
RETURNS private.checkout_offer
LANGUAGE sql
STABLE
SET search_path = ''
AS $$
    SELECT
        s.name,
        p.base_price,
        '9993',
        pg_catalog.jsonb_build_object(
            'version', 1, 'service_id', s.id, 'unit', s.unit, 'base_price', p.base_price,
            'variable_price', p.variable_price, 'pricing_id', p.id,
            'requested_branch_id', p_branch_id
        )
    FROM public.service_pricing AS p
    INNER JOIN public.services_master AS s ON p.service_id = s.id
    WHERE p.service_id = p_ref_id AND p.vendor_id = p_vendor_id
$$;

CREATE FUNCTION private.checkout_offer_doctor_consult(
    p_ref_id uuid, p_vendor_id uuid, p_branch_id uuid
)
RETURNS private.checkout_offer
LANGUAGE sql
STABLE
SET search_path = ''
AS $$
    SELECT
        coalesce(pr.full_name, 'Doctor ' || d.reg_number),
        p.price,
        '9993',
        pg_catalog.jsonb_build_object(
            'version', 1, 'doctor_id', d.id, 'specialty', d.specialty,
            'reg_number', d.reg_number, 'mrp', p.mrp, 'pricing_id', p.id
        )
    FROM public.consult_pricing AS p
    INNER JOIN public.doctors AS d ON p.doctor_id = d.id
    INNER JOIN public.profiles AS pr ON d.profile_id = pr.id
    WHERE
        p.doctor_id = p_ref_id
        AND p.vendor_id = p_vendor_id
        AND p.branch_id = p_branch_id
$$;

COMMENT ON FUNCTION private.checkout_offer_medicine(uuid, uuid, uuid) IS
'The offer of medicine p_ref_id at a vendor''s branch (medicine_inventory price, the '
'medicine''s HSN code, a snapshot with MRP and inventory row); all NULL when none.';
COMMENT ON FUNCTION private.checkout_offer_lab_test(uuid, uuid, uuid) IS
'The offer of lab test p_ref_id at a vendor''s branch (lab_pricing; SAC 9993); all NULL '
'when none.';
COMMENT ON FUNCTION private.checkout_offer_scan(uuid, uuid, uuid) IS
'The offer of scan p_ref_id at a vendor''s branch (scan_pricing; SAC 9993); all NULL when '
'none.';
COMMENT ON FUNCTION private.checkout_offer_home_service(uuid, uuid, uuid) IS
'The offer of home service p_ref_id by a vendor (service_pricing base price, vendor-wide; '
'SAC 9993); all NULL when none.';
COMMENT ON FUNCTION private.checkout_offer_doctor_consult(uuid, uuid, uuid) IS
'The offer of a consultation with doctor p_ref_id at a vendor''s branch (consult_pricing; '
'SAC 9993); all NULL when none.';

-- The state a line is supplied from: its branch, else the vendor's first branch.
CREATE FUNCTION private.checkout_supplier_state(
    p_vendor_id uuid, p_location_id uuid, p_vendor_name text, p_item_name text
)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_state text;
BEGIN
    SELECT ci.state_code INTO v_state
    FROM public.vendor_locations AS vl
    INNER JOIN public.cities AS ci ON vl.city_id = ci.id
    WHERE
        vl.vendor_id = p_vendor_id
        AND (p_location_id IS NULL OR vl.id = p_location_id)
    ORDER BY vl.created_at, vl.id
    LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM012',
            MESSAGE = pg_catalog.format(
                'vendor %s has no branch to supply %s from', p_vendor_name, p_item_name
            ),
            HINT = 'Remove the line or choose another vendor for it.';
    END IF;
    RETURN v_state;
END
$$;

COMMENT ON FUNCTION private.checkout_supplier_state(uuid, uuid, text, text) IS
'GST state a line is supplied from: the state of branch p_location_id, or (no branch, e.g. '
'a home service without a slot) of the vendor''s first branch. Raises OM012 when the vendor '
'has no branch.';

-- A cart line priced from its vendor's current offer.
CREATE FUNCTION private.checkout_price_line(
    p_catalog_id uuid,
    p_service_type public.service_type,
    p_ref_id uuid,
    p_catalog_active boolean,
    p_qty integer,
    p_vendor_id uuid,
    p_branch_id uuid,
    p_slot_id uuid
)
RETURNS private.checkout_line
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_vendor public.vendors;
    v_offer private.checkout_offer;
    v_slot public.availability_slots;
    v_line private.checkout_line;
BEGIN
    IF p_vendor_id IS NULL OR (p_branch_id IS NULL AND p_service_type <> 'HOME_SERVICE') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM011',
            MESSAGE = pg_catalog.format(
                'cart line %s names no %s to buy from', p_catalog_id,
                CASE WHEN p_vendor_id IS NULL THEN 'vendor' ELSE 'branch' END
            ),
            HINT = 'Choose a vendor and branch for every line of the cart.';
    END IF;
    SELECT v.* INTO v_vendor FROM public.vendors AS v WHERE v.id = p_vendor_id;
    IF p_catalog_active AND v_vendor.is_active THEN
        v_offer := CASE p_service_type
            WHEN 'MEDICINE' THEN private.checkout_offer_medicine(p_ref_id, p_vendor_id, p_branch_id)
            WHEN 'LAB_TEST' THEN private.checkout_offer_lab_test(p_ref_id, p_vendor_id, p_branch_id)
            WHEN 'SCAN' THEN private.checkout_offer_scan(p_ref_id, p_vendor_id, p_branch_id)
            WHEN 'HOME_SERVICE'
                THEN private.checkout_offer_home_service(p_ref_id, p_vendor_id, p_branch_id)
            WHEN 'DOCTOR_CONSULT'
                THEN private.checkout_offer_doctor_consult(p_ref_id, p_vendor_id, p_branch_id)
        END;
    END IF;
    IF v_offer.snapshot IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM012',
            MESSAGE = pg_catalog.format(
                'vendor %s does not currently offer cart item %s (%s)',
                coalesce(v_vendor.name, p_vendor_id::text), p_catalog_id, p_service_type
            ),
            HINT = 'Remove the line or choose another vendor or branch for it.';
    END IF;

    -- A consultation, test or scan needs a slot of its own item and vendor.
    IF p_service_type <> 'MEDICINE' AND p_slot_id IS NOT NULL THEN
        SELECT s.* INTO v_slot
        FROM public.availability_slots AS s
        WHERE
            s.id = p_slot_id
            AND s.service_catalog_id = p_catalog_id
            AND s.vendor_id = p_vendor_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM013',
                MESSAGE = pg_catalog.format(
                    'slot %s is not a slot of %s at vendor %s',
                    p_slot_id, v_offer.name, v_vendor.name
                ),
                HINT = 'Pick one of the vendor''s slots for this item.';
        END IF;
    ELSIF p_service_type IN ('LAB_TEST', 'SCAN', 'DOCTOR_CONSULT') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM013',
            MESSAGE = pg_catalog.format('%s needs a slot', v_offer.name),
            HINT = 'Pick a slot for every consultation, test and scan in the cart.';
    END IF;

    v_line.catalog_id := p_catalog_id;
    v_line.service_type := p_service_type;
    v_line.vendor_id := p_vendor_id;
    v_line.vendor_name := v_vendor.name;
    v_line.branch_id := coalesce(p_branch_id, v_slot.branch_id);
    v_line.slot_id := v_slot.id;
    v_line.qty := p_qty;
    -- A consultation, test or scan books a seat per unit; a home service one visit.
    v_line.seats := CASE WHEN p_service_type = 'HOME_SERVICE' THEN 1 ELSE p_qty END;
    v_line.name := v_offer.name;
    v_line.unit_price := v_offer.unit_price;
    v_line.hsn_code := v_offer.hsn_code;
    v_line.supplier_state := private.checkout_supplier_state(
        p_vendor_id, v_line.branch_id, v_vendor.name, v_offer.name
    );
    v_line.discount := 0;
    v_line.snapshot := v_offer.snapshot || pg_catalog.jsonb_build_object(
        'name', v_offer.name, 'service_type', p_service_type, 'catalog_id', p_catalog_id,
        'vendor_id', p_vendor_id, 'vendor_name', v_vendor.name, 'branch_id', v_line.branch_id,
        'price', v_offer.unit_price, 'hsn_code', v_offer.hsn_code,
        'supplier_state_code', v_line.supplier_state, 'price_includes_tax', TRUE
    );
    RETURN v_line;
END
$$;

COMMENT ON FUNCTION private.checkout_price_line(
    uuid, public.service_type, uuid, boolean, integer, uuid, uuid, uuid
) IS
'Prices one cart line from its vendor''s current offer (checkout_offer_<type>) and fills '
'its branch, slot, seats, supplier state and snapshot; no discount or tax yet. Errors: '
'OM011 no vendor, or no branch for a line that needs one; OM012 the item, vendor or '
'branch offers nothing (inactive item or vendor, no price row, a type without a price '
'list, a vendor without a branch); OM013 a consultation, test or scan without a slot, or '
'with a slot of another item or vendor.';

-- The coupon named at checkout: usable now, or an error saying why not.
CREATE FUNCTION private.checkout_coupon(p_code text, p_now timestamptz, p_lock boolean)
RETURNS public.coupons
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_coupon public.coupons;
    v_used bigint;
BEGIN
    IF p_code IS NULL THEN
        RETURN NULL;
    END IF;
    -- Locked before its redemptions are counted: concurrent checkouts with one coupon count
    -- one after another.
    IF p_lock THEN
        SELECT c.* INTO v_coupon
        FROM public.coupons AS c
        WHERE pg_catalog.lower(c.code) = pg_catalog.lower(pg_catalog.btrim(p_code))
        FOR UPDATE;
    ELSE
        SELECT c.* INTO v_coupon
        FROM public.coupons AS c
        WHERE pg_catalog.lower(c.code) = pg_catalog.lower(pg_catalog.btrim(p_code));
    END IF;
    IF NOT FOUND OR NOT v_coupon.is_active THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM015',
            MESSAGE = pg_catalog.format('coupon %s is not valid', p_code),
            HINT = 'Check the code, or order without a coupon.';
    END IF;
    IF p_now < v_coupon.valid_from OR p_now >= v_coupon.valid_to THEN
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
    RETURN v_coupon;
END
$$;

COMMENT ON FUNCTION private.checkout_coupon(text, timestamptz, boolean) IS
'The coupon of code p_code (case and surrounding blanks ignored), checked usable at p_now '
'and locked FOR UPDATE when p_lock; NULL when p_code is NULL. Errors: OM015 unknown or '
'withdrawn; OM016 outside its validity window; OM017 max_uses reached.';

-- The discount of a coupon, shared over the lines in proportion to their value.
CREATE FUNCTION private.checkout_apply_coupon(
    p_lines private.checkout_line[], p_coupon public.coupons
)
RETURNS private.checkout_line[]
LANGUAGE plpgsql
IMMUTABLE
SET search_path = ''
AS $$
DECLARE
    v_lines private.checkout_line [] := p_lines;
    v_gross numeric := 0;
    v_discount numeric;
    v_allocated numeric := 0;
    v_largest integer := 1;
BEGIN
    IF p_coupon.id IS NULL THEN
        RETURN v_lines;
    END IF;
    FOR i IN 1 .. pg_catalog.cardinality(v_lines) LOOP
        v_gross := v_gross + v_lines[i].qty * v_lines[i].unit_price;
        IF v_lines[i].qty * v_lines[i].unit_price
            > v_lines[v_largest].qty * v_lines[v_largest].unit_price THEN
            v_largest := i;
        END IF;
    END LOOP;
    v_discount := CASE p_coupon.discount_type
        WHEN 'PERCENT' THEN pg_catalog.round(v_gross * p_coupon.value / 100, 2)
        ELSE least(p_coupon.value, v_gross)
    END;
    IF v_gross = 0 THEN
        RETURN v_lines;
    END IF;
    FOR i IN 1 .. pg_catalog.cardinality(v_lines) LOOP
        v_lines[i].discount := pg_catalog.round(
            v_lines[i].qty * v_lines[i].unit_price * v_discount / v_gross, 2
        );
        v_allocated := v_allocated + v_lines[i].discount;
    END LOOP;
    v_lines[v_largest].discount := v_lines[v_largest].discount + v_discount - v_allocated;
    RETURN v_lines;
END
$$;

COMMENT ON FUNCTION private.checkout_apply_coupon(private.checkout_line[], public.coupons) IS
'The lines with the coupon''s discount shared out before tax: PERCENT of the tax-inclusive '
'gross rounded to the paisa, or FLAT up to the gross; each line gets round(its value * '
'discount / gross, 2), and the largest line (the first of equals) the rounding remainder. '
'Lines unchanged without a coupon.';

-- The GST inside a priced line, after the supplier's registration is checked.
CREATE FUNCTION private.checkout_tax_line(
    p_line private.checkout_line, p_on date, p_supply_state text
)
RETURNS private.checkout_line
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_line private.checkout_line := p_line;
    v_tax record;
    v_registration public.gst_registration_type;
BEGIN
    SELECT t.* INTO v_tax
    FROM private.line_tax_inclusive(
        v_line.qty * v_line.unit_price - v_line.discount, v_line.hsn_code, p_on,
        v_line.supplier_state, p_supply_state
    ) AS t;
    IF v_tax.gst_rate > 0 THEN
        SELECT r.registration_type INTO v_registration
        FROM public.gst_registrations AS r
        WHERE
            r.vendor_id = v_line.vendor_id
            AND r.state_code = v_line.supplier_state
            AND r.valid_from <= p_on
            AND (r.valid_to IS NULL OR r.valid_to >= p_on)
            AND r.registration_type IN ('REGULAR', 'CASUAL', 'COMPOSITION', 'NON_RESIDENT');
        IF NOT FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM072',
                MESSAGE = pg_catalog.format(
                    'vendor %s has no GST registration in state %s to sell %s from',
                    v_line.vendor_name, v_line.supplier_state, v_line.name
                ),
                HINT = 'Choose a branch of a state where the vendor is registered, or another '
                || 'vendor; the vendor''s admin registers the state with ONE MEDI.';
        ELSIF v_registration = 'COMPOSITION' THEN
            RAISE EXCEPTION USING
                ERRCODE = 'OM073',
                MESSAGE = pg_catalog.format(
                    'vendor %s is a composition taxpayer in state %s and cannot issue the tax '
                    || 'invoice %s needs',
                    v_line.vendor_name, v_line.supplier_state, v_line.name
                ),
                HINT = 'Composition taxpayers'' sales are not offered yet; choose another '
                || 'vendor.';
        END IF;
    END IF;
    v_line.gst_rate := v_tax.gst_rate;
    v_line.taxable_value := v_tax.taxable_value;
    v_line.cgst := v_tax.cgst;
    v_line.sgst := v_tax.sgst;
    v_line.utgst := v_tax.utgst;
    v_line.igst := v_tax.igst;
    v_line.snapshot := v_line.snapshot || pg_catalog.jsonb_build_object(
        'gst_rate', v_tax.gst_rate, 'place_of_supply', p_supply_state
    );
    RETURN v_line;
END
$$;

COMMENT ON FUNCTION private.checkout_tax_line(private.checkout_line, date, text) IS
'The line with the GST inside its tax-inclusive value (qty * unit_price - discount) taken '
'out by line_tax_inclusive for the supply on p_on to state p_supply_state. A taxable line '
'(rate above 0) needs a GST registration of the vendor in force in the supplier''s state: '
'OM072 when there is none, OM073 when it is a composition registration (no tax invoice). '
'Exempt and nil-rated lines need none. Passes on line_tax_inclusive''s errors.';

-- Every line of a cart, priced, discounted and taxed: no stock or seat is taken.
CREATE FUNCTION private.checkout_lines(
    p_cart_id uuid, p_supply_state text, p_on date, p_coupon public.coupons
)
RETURNS private.checkout_line[]
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    v_lines private.checkout_line [] := ARRAY[]::private.checkout_line [];
    v_item record;
    v_gross numeric;
BEGIN
    -- Catalog order: every checkout takes stock and seats in the same order.
    FOR v_item IN
        SELECT
            i.service_catalog_id, i.qty, i.vendor_id, i.branch_id, i.slot_id,
            sc.service_type, sc.ref_id, sc.is_active
        FROM public.cart_items AS i
        INNER JOIN public.service_catalog AS sc ON i.service_catalog_id = sc.id
        WHERE i.cart_id = p_cart_id
        ORDER BY i.service_catalog_id
    LOOP
        v_lines := v_lines || private.checkout_price_line(
            v_item.service_catalog_id, v_item.service_type, v_item.ref_id, v_item.is_active,
            v_item.qty, v_item.vendor_id, v_item.branch_id, v_item.slot_id
        );
    END LOOP;
    IF pg_catalog.cardinality(v_lines) = 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM009',
            MESSAGE = pg_catalog.format('cart %s is empty', p_cart_id),
            HINT = 'Add items to the cart before checking out.';
    END IF;
    -- An order's amounts are public.inr: refuse, by name, a cart they could not hold.
    SELECT sum(l.qty * l.unit_price) INTO v_gross FROM pg_catalog.unnest(v_lines) AS l;
    IF v_gross > 9999999999.99 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM071',
            MESSAGE = pg_catalog.format(
                'the order would come to %s rupees, more than one order can hold', v_gross
            ),
            HINT = 'Split the purchase into several orders.';
    END IF;
    v_lines := private.checkout_apply_coupon(v_lines, p_coupon);
    FOR i IN 1 .. pg_catalog.cardinality(v_lines) LOOP
        v_lines[i] := private.checkout_tax_line(v_lines[i], p_on, p_supply_state);
    END LOOP;
    RETURN v_lines;
END
$$;

COMMENT ON FUNCTION private.checkout_lines(uuid, text, date, public.coupons) IS
'Every line of cart p_cart_id in catalog order, priced (checkout_price_line), with the '
'coupon''s discount (checkout_apply_coupon) and the GST inside it (checkout_tax_line) for '
'a supply on p_on to state p_supply_state. Takes no stock and no seat. Errors: OM009 empty '
'cart; OM071 lines worth more than an order can hold (99,99,99,999.99 rupees); and those '
'of the functions it calls.';

-- What the patient pays, and the tax inside it.
CREATE FUNCTION private.checkout_totals(
    p_lines private.checkout_line[],
    OUT gross_amount numeric,
    OUT discount_amount numeric,
    OUT tax_amount numeric,
    OUT net_amount numeric
)
RETURNS record
LANGUAGE sql
IMMUTABLE
SET search_path = ''
AS $$
    SELECT
        sum(l.qty * l.unit_price),
        sum(l.discount),
        sum(l.cgst + l.sgst + l.utgst + l.igst),
        sum(l.qty * l.unit_price) - sum(l.discount)
    FROM pg_catalog.unnest(p_lines) AS l
$$;

COMMENT ON FUNCTION private.checkout_totals(private.checkout_line[]) IS
'Totals of priced lines: gross (sum of qty * tax-inclusive unit price), discount, the tax '
'inside, and net = gross - discount, what the patient pays (checkout_lines has checked '
'that they fit an order).';

-- The caller's address as the order keeps it, and its state (the place of supply).
CREATE FUNCTION private.checkout_address(
    p_address_id uuid, p_profile_id uuid, OUT address jsonb, OUT state_code text
)
RETURNS record
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
BEGIN
    SELECT
        pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
            'line_1', a.line_1, 'line_2', a.line_2, 'city', ci.name,
            'state_code', ci.state_code, 'pincode', a.pincode
        )),
        ci.state_code
    INTO address, state_code
    FROM public.addresses AS a
    INNER JOIN public.cities AS ci ON a.city_id = ci.id
    WHERE a.id = p_address_id AND a.profile_id = p_profile_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM014',
            MESSAGE = pg_catalog.format('address %s not found', p_address_id),
            HINT = 'Pick one of your saved addresses.';
    END IF;
END
$$;

COMMENT ON FUNCTION private.checkout_address(uuid, uuid) IS
'The delivery address p_address_id of profile p_profile_id as an order snapshots it '
'(line_1, line_2, city, state_code, pincode) and its GST state, the place of supply. '
'Raises OM014 when the address is not the profile''s.';

-- The caller's open cart, locked for checkout or read for a quote.
CREATE FUNCTION private.checkout_cart(p_cart_id uuid, p_profile_id uuid, p_lock boolean)
RETURNS public.carts
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_cart public.carts;
BEGIN
    IF p_profile_id IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = 'sign in to place an order',
            HINT = 'Call place_order as the signed-in owner of the cart.';
    END IF;
    IF p_lock THEN
        SELECT c.* INTO v_cart
        FROM public.carts AS c
        WHERE c.id = p_cart_id AND c.profile_id = p_profile_id
        FOR UPDATE;
    ELSE
        SELECT c.* INTO v_cart
        FROM public.carts AS c
        WHERE c.id = p_cart_id AND c.profile_id = p_profile_id;
    END IF;
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
    RETURN v_cart;
END
$$;

COMMENT ON FUNCTION private.checkout_cart(uuid, uuid, boolean) IS
'Cart p_cart_id of profile p_profile_id, locked FOR UPDATE when p_lock. Errors: 42501 '
'nobody signed in; OM007 not found or not the profile''s; OM008 not OPEN.';

-- Stock: never below zero; a short line fails the whole order.
CREATE FUNCTION private.checkout_take_stock(p_line private.checkout_line)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_stock integer;
BEGIN
    IF p_line.service_type <> 'MEDICINE' THEN
        RETURN;
    END IF;
    UPDATE public.medicine_inventory AS inv
    SET stock_qty = inv.stock_qty - p_line.qty
    WHERE
        inv.id = (p_line.snapshot ->> 'inventory_id')::uuid
        AND inv.stock_qty >= p_line.qty;
    IF NOT FOUND THEN
        SELECT inv.stock_qty INTO v_stock
        FROM public.medicine_inventory AS inv
        WHERE inv.id = (p_line.snapshot ->> 'inventory_id')::uuid;
        RAISE EXCEPTION USING
            ERRCODE = 'OM010',
            MESSAGE = pg_catalog.format(
                '%s is out of stock at %s: %s requested, %s available',
                p_line.name, p_line.vendor_name, p_line.qty, v_stock
            ),
            HINT = 'Lower the quantity, or choose another branch or vendor.';
    END IF;
END
$$;

COMMENT ON FUNCTION private.checkout_take_stock(private.checkout_line) IS
'Takes a medicine line''s qty off the inventory row of its snapshot, never below zero; '
'nothing for other lines. Raises OM010 naming the item, the quantity asked and what is in '
'stock.';

-- The checkout itself.
CREATE FUNCTION public.place_order(
    p_cart_id uuid,
    p_address_id uuid,
    p_expected_total numeric,
    p_coupon_code text DEFAULT NULL
)
RETURNS public.orders
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    -- The total is money before anything else: NaN, Infinity, a negative amount or a
    -- fraction of a paisa is refused by name (the argument itself is numeric so that the
    -- Data API's generated types call it a number).
    v_expected public.inr := p_expected_total;
    v_uid uuid := (SELECT auth.uid());
    v_now timestamptz := pg_catalog.now();
    v_on date := private.date_in_india(pg_catalog.now());
    v_address record;
    v_coupon public.coupons;
    v_lines private.checkout_line [];
    v_line private.checkout_line;
    v_totals record;
    v_order public.orders;
    v_item_id uuid;
BEGIN
    PERFORM private.checkout_cart(p_cart_id, v_uid, TRUE);
    v_address := private.checkout_address(p_address_id, v_uid);
    v_coupon := private.checkout_coupon(p_coupon_code, v_now, TRUE);
    v_lines := private.checkout_lines(p_cart_id, v_address.state_code, v_on, v_coupon);
    v_totals := private.checkout_totals(v_lines);
    IF v_expected IS DISTINCT FROM v_totals.net_amount THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM070',
            MESSAGE = pg_catalog.format(
                'the order total is now %s rupees, not the %s you were shown',
                v_totals.net_amount, coalesce(v_expected::text, 'nothing')
            ),
            DETAIL = pg_catalog.format('new_total=%s', v_totals.net_amount),
            HINT = 'Show the patient the new total (quote_cart) and check out again with it.';
    END IF;

    FOREACH v_line IN ARRAY v_lines LOOP
        PERFORM private.checkout_take_stock(v_line);
        IF v_line.slot_id IS NOT NULL THEN
            PERFORM public.book_slot_seats(v_line.slot_id, NULL, v_line.seats);
        END IF;
    END LOOP;

    INSERT INTO public.orders (
        profile_id, address_id, delivery_address, delivery_state_code, coupon_id,
        gross_amount, discount_amount, tax_amount, net_amount, tax_basis, created_at,
        updated_at
    ) VALUES (
        v_uid, p_address_id, v_address.address, v_address.state_code, v_coupon.id,
        v_totals.gross_amount, v_totals.discount_amount, v_totals.tax_amount,
        v_totals.net_amount, 'INCLUSIVE', v_now, v_now
    )
    RETURNING * INTO v_order;

    FOREACH v_line IN ARRAY v_lines LOOP
        INSERT INTO public.order_items (
            order_id, service_catalog_id, vendor_id, qty, unit_price, discount_amount,
            taxable_value, hsn_code, gst_rate, cgst, sgst, utgst, igst, service_snapshot,
            tax_basis, supplier_state_code
        ) VALUES (
            v_order.id, v_line.catalog_id, v_line.vendor_id, v_line.qty, v_line.unit_price,
            v_line.discount, v_line.taxable_value, v_line.hsn_code, v_line.gst_rate,
            v_line.cgst, v_line.sgst, v_line.utgst, v_line.igst, v_line.snapshot,
            'INCLUSIVE', v_line.supplier_state
        )
        RETURNING id INTO v_item_id;
        IF v_line.service_type <> 'MEDICINE' THEN
            INSERT INTO public.service_bookings (
                order_item_id, patient_id, slot_id, fulfillment_status
            )
            SELECT
                v_item_id, v_uid, v_line.slot_id,
                CASE
                    WHEN v_line.slot_id IS NULL THEN 'PENDING'
                    ELSE 'SCHEDULED'
                END::public.fulfillment_status
            FROM pg_catalog.generate_series(1, v_line.seats);
        END IF;
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

COMMENT ON FUNCTION public.place_order(uuid, uuid, numeric, text) IS
'Checks out the caller''s OPEN cart into a PENDING/AWAITING order in one transaction, if '
'its total is still p_expected_total (the net amount quote_cart gave the patient): each '
'line priced tax-inclusive from its vendor''s current offer and snapshotted, the coupon '
'shared out before tax, the GST inside each line taken out for the delivery address''s '
'state, stock taken, slot seats booked with service_bookings, the coupon redeemed, the '
'cart CHECKED_OUT. Returns the order (net_amount = what the patient pays). Tax documents '
'are issued at dispatch, not here. Errors: 42501 not signed in; OM007 cart not found (or '
'not yours); OM008 cart not OPEN; OM009 cart empty; OM014 address not found (or not '
'yours); OM015, OM016, OM017 coupon unknown or withdrawn, outside its window, used up; '
'OM011 line without vendor or branch; OM012 item not offered; OM013 slot missing or of '
'another item; OM071 lines worth more than an order can hold; OM072 no GST registration '
'of the vendor in the supplying state; OM073 composition registration; OM070 the total is not '
'p_expected_total (prices changed: DETAIL new_total=...); OM010 out of stock; OM002, '
'OM003, OM004 from the slot; P0002 no GST slab for an item''s code; 23514 a quantity above '
'1,000 (order_items_qty_at_most_1000).';

REVOKE ALL ON FUNCTION public.place_order(uuid, uuid, numeric, text)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.place_order(uuid, uuid, numeric, text)
TO authenticated, service_role;

-- What a checkout would cost now, for the patient to see before placing the order.
CREATE FUNCTION public.quote_cart(
    p_cart_id uuid, p_address_id uuid, p_coupon_code text DEFAULT NULL
)
RETURNS TABLE (
    gross_amount numeric,
    discount_amount numeric,
    tax_amount numeric,
    net_amount numeric,
    lines jsonb
)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := (SELECT auth.uid());
    v_address record;
    v_lines private.checkout_line [];
    v_totals record;
BEGIN
    PERFORM private.checkout_cart(p_cart_id, v_uid, FALSE);
    v_address := private.checkout_address(p_address_id, v_uid);
    v_lines := private.checkout_lines(
        p_cart_id, v_address.state_code, private.date_in_india(pg_catalog.now()),
        private.checkout_coupon(p_coupon_code, pg_catalog.now(), FALSE)
    );
    v_totals := private.checkout_totals(v_lines);
    gross_amount := v_totals.gross_amount;
    discount_amount := v_totals.discount_amount;
    tax_amount := v_totals.tax_amount;
    net_amount := v_totals.net_amount;
    SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'catalog_id', l.catalog_id, 'name', l.name, 'vendor_id', l.vendor_id,
        'vendor_name', l.vendor_name, 'qty', l.qty, 'unit_price', l.unit_price,
        'discount', l.discount, 'gst_rate', l.gst_rate, 'taxable_value', l.taxable_value,
        'cgst', l.cgst, 'sgst', l.sgst, 'utgst', l.utgst, 'igst', l.igst,
        'line_total', l.qty * l.unit_price - l.discount
    ) ORDER BY l.catalog_id)
    INTO lines
    FROM pg_catalog.unnest(v_lines) AS l;
    RETURN NEXT;
END
$$;

COMMENT ON FUNCTION public.quote_cart(uuid, uuid, text) IS
'What checking out the caller''s OPEN cart would cost now, priced exactly as place_order '
'prices it (same functions), without taking stock or seats: gross, discount, the GST '
'inside, net (what the patient pays; pass it to place_order as p_expected_total) and the '
'lines as JSON. Errors: those of place_order before stock and seats (42501, OM007, OM008, '
'OM009, OM011 to OM017, OM071, OM072, OM073, P0002).';

REVOKE ALL ON FUNCTION public.quote_cart(uuid, uuid, text)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.quote_cart(uuid, uuid, text) TO authenticated, service_role;

-- Internal pieces: only the owner (and so the two definer functions) runs them.
REVOKE ALL ON FUNCTION private.checkout_offer_medicine(uuid, uuid, uuid)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_offer_lab_test(uuid, uuid, uuid)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_offer_scan(uuid, uuid, uuid)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_offer_home_service(uuid, uuid, uuid)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_offer_doctor_consult(uuid, uuid, uuid)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_supplier_state(uuid, uuid, text, text)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_price_line(
    uuid, public.service_type, uuid, boolean, integer, uuid, uuid, uuid
) FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_coupon(text, timestamptz, boolean)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_apply_coupon(private.checkout_line[], public.coupons)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_tax_line(private.checkout_line, date, text)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_lines(uuid, text, date, public.coupons)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_totals(private.checkout_line[])
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_address(uuid, uuid)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_cart(uuid, uuid, boolean)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.checkout_take_stock(private.checkout_line)
FROM public, anon, authenticated, service_role;

-- The 1.0.0 signature answers with what to send instead: a checkout without the total the
-- patient was shown would charge prices the patient never agreed to. (PostgREST picks it
-- only for a call without p_expected_total.)
CREATE OR REPLACE FUNCTION public.place_order(
    p_cart_id uuid, p_address_id uuid, p_coupon_code text DEFAULT NULL
)
RETURNS public.orders
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    -- Checkout now prices each line by its own function: doctor consultations from
    -- public.consult_pricing (checkout_offer_doctor_consult); 1.0.0's verify of
    -- place_order_consults reads this line.
    RAISE EXCEPTION USING
        ERRCODE = 'OM078',
        MESSAGE = pg_catalog.format(
            'place_order needs the total the patient was shown for cart %s', p_cart_id
        ),
        HINT = 'Quote the cart with quote_cart(p_cart_id, p_address_id, p_coupon_code) and '
        || 'call place_order(p_cart_id, p_address_id, p_expected_total, p_coupon_code).';
END
$$;

COMMENT ON FUNCTION public.place_order(uuid, uuid, text) IS
'The 1.0.0 checkout signature, kept so that a caller without the total gets a clear answer: '
'always raises OM078 naming the call to make instead (quote_cart, then place_order with '
'p_expected_total). Orders are placed by place_order(uuid, uuid, numeric, text).';

-- What is sold from now on is tax-inclusive.
ALTER TABLE public.orders ALTER COLUMN tax_basis SET DEFAULT 'INCLUSIVE';
ALTER TABLE public.order_items ALTER COLUMN tax_basis SET DEFAULT 'INCLUSIVE';

COMMIT;
