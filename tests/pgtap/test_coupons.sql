-- Group H, promotions: coupons and coupon_redemptions (use counts as facts).
BEGIN;
SELECT plan(50);

-- Fixtures: two patients.
INSERT INTO auth.users (id, email) VALUES
('a5000000-0000-4000-8000-000000000001', 'asha@example.in'),
('a5000000-0000-4000-8000-000000000002', 'ravi@example.in');
INSERT INTO public.profiles (id, full_name, role_id) VALUES
(
    'a5000000-0000-4000-8000-000000000001', 'Asha',
    (SELECT r.id FROM public.roles AS r WHERE r.name = 'PATIENT')
),
(
    'a5000000-0000-4000-8000-000000000002', 'Ravi',
    (SELECT r.id FROM public.roles AS r WHERE r.name = 'PATIENT')
);

-- coupons: structure.
SELECT has_table('public', 'coupons', 'table coupons exists');
SELECT col_is_pk('public', 'coupons', 'id', 'coupons.id is the primary key');
SELECT col_not_null('public', 'coupons', 'code', 'code is NOT NULL');
SELECT col_type_is(
    'public', 'coupons', 'discount_type', 'discount_type', 'discount_type is the enum'
);
SELECT enum_has_labels('public', 'discount_type', ARRAY['PERCENT', 'FLAT']);
SELECT col_type_is('public', 'coupons', 'value', 'inr', 'value is numeric(12,2)');
SELECT col_is_null('public', 'coupons', 'max_uses', 'max_uses may be NULL (unlimited)');
SELECT col_not_null('public', 'coupons', 'valid_from', 'valid_from is NOT NULL');
SELECT col_not_null('public', 'coupons', 'valid_to', 'valid_to is NOT NULL');
SELECT has_index(
    'public', 'coupons', 'coupons_lower_code_key', 'lower(code)', 'unique index on lower(code)'
);
SELECT index_is_unique('public', 'coupons', 'coupons_lower_code_key');
SELECT trigger_is('public', 'coupons', 'coupons_set_updated_at', 'private', 'set_updated_at');
SELECT table_privs_are('public', 'coupons', 'anon', ARRAY[]::text[]);
SELECT table_privs_are('public', 'coupons', 'authenticated', ARRAY['SELECT']);

-- coupons: case-insensitive uniqueness.
SELECT lives_ok(
    $$INSERT INTO public.coupons (id, code, discount_type, value, valid_from, valid_to)
      VALUES ('c5000000-0000-4000-8000-000000000001', 'WELCOME10', 'PERCENT', 10,
              '2026-01-01', '2027-01-01')$$,
    'a 10 percent coupon is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('welcome10', 'FLAT', 50, '2026-01-01', '2027-01-01')$$,
    '23505',
    'duplicate key value violates unique constraint "coupons_lower_code_key"',
    'a code differing only in case is refused'
);

-- coupons_percent_value_in_range.
SELECT lives_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('FREEBIE', 'PERCENT', 100, '2026-01-01', '2027-01-01')$$,
    'a 100 percent coupon is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('TOOMUCH', 'PERCENT', 100.01, '2026-01-01', '2027-01-01')$$,
    '23514',
    'new row for relation "coupons" violates check constraint "coupons_percent_value_in_range"'
);
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('NOTHING', 'PERCENT', 0, '2026-01-01', '2027-01-01')$$,
    '23514',
    'new row for relation "coupons" violates check constraint "coupons_percent_value_in_range"'
);

-- coupons_flat_value_positive.
SELECT lives_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('FLAT500', 'FLAT', 500, '2026-01-01', '2027-01-01')$$,
    'a flat 500 rupee coupon is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('FLATZERO', 'FLAT', 0, '2026-01-01', '2027-01-01')$$,
    '23514',
    'new row for relation "coupons" violates check constraint "coupons_flat_value_positive"'
);

-- coupons_valid_to_after_valid_from.
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('INSTANT', 'FLAT', 10, '2026-01-01', '2026-01-01')$$,
    '23514',
    'new row for relation "coupons" violates check constraint '
    || '"coupons_valid_to_after_valid_from"'
);
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('BACKWARD', 'FLAT', 10, '2026-02-01', '2026-01-01')$$,
    '23514',
    'new row for relation "coupons" violates check constraint '
    || '"coupons_valid_to_after_valid_from"'
);

-- coupons_max_uses_positive.
SELECT lives_ok(
    $$INSERT INTO public.coupons (
          id, code, discount_type, value, max_uses, valid_from, valid_to
      ) VALUES ('c5000000-0000-4000-8000-000000000002', 'ONCE', 'FLAT', 100, 1,
                '2026-01-01', '2027-01-01')$$,
    'a single-use coupon is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, max_uses, valid_from, valid_to)
      VALUES ('NEVER', 'FLAT', 100, 0, '2026-01-01', '2027-01-01')$$,
    '23514',
    'new row for relation "coupons" violates check constraint "coupons_max_uses_positive"'
);

-- coupons_code_format.
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to)
      VALUES ('SAVE 10', 'FLAT', 10, '2026-01-01', '2027-01-01')$$,
    '23514',
    'new row for relation "coupons" violates check constraint "coupons_code_format"'
);

-- A multi-row INSERT with one bad row leaves no row behind.
SELECT throws_ok(
    $$INSERT INTO public.coupons (code, discount_type, value, valid_from, valid_to) VALUES
      ('GOODONE', 'FLAT', 10, '2026-01-01', '2027-01-01'),
      ('BADONE', 'PERCENT', 150, '2026-01-01', '2027-01-01')$$,
    '23514',
    'new row for relation "coupons" violates check constraint "coupons_percent_value_in_range"'
);
SELECT is(
    (SELECT count(*) FROM public.coupons WHERE code IN ('GOODONE', 'BADONE')),
    0::bigint,
    'the failed multi-row insert left no coupon behind'
);

-- coupon_redemptions: structure.
SELECT has_table('public', 'coupon_redemptions', 'table coupon_redemptions exists');
SELECT col_not_null('public', 'coupon_redemptions', 'coupon_id', 'coupon_id is NOT NULL');
SELECT col_not_null('public', 'coupon_redemptions', 'order_id', 'order_id is NOT NULL');
SELECT col_not_null('public', 'coupon_redemptions', 'profile_id', 'profile_id is NOT NULL');
SELECT col_not_null(
    'public', 'coupon_redemptions', 'redeemed_at', 'redeemed_at is NOT NULL'
);
SELECT col_is_unique('public', 'coupon_redemptions', 'order_id', 'one redemption per order');
SELECT fk_ok(
    'public', 'coupon_redemptions', 'coupon_id', 'public', 'coupons', 'id'
);
SELECT fk_ok(
    'public', 'coupon_redemptions', ARRAY['order_id', 'coupon_id', 'profile_id'],
    'public', 'orders', ARRAY['id', 'coupon_id', 'profile_id']
);
SELECT has_index(
    'public', 'coupon_redemptions', 'coupon_redemptions_coupon_id_idx', 'coupon_id'
);
SELECT has_index(
    'public', 'coupon_redemptions', 'coupon_redemptions_profile_id_idx', 'profile_id'
);
SELECT trigger_is(
    'public', 'coupon_redemptions', 'coupon_redemptions_within_limits',
    'private', 'coupon_redemptions_within_limits'
);
-- Redemptions are written by place_order only (change checkout_only_via_place_order).
SELECT table_privs_are(
    'public', 'coupon_redemptions', 'authenticated', ARRAY['SELECT']
);

-- Orders carrying the coupons (Asha: two with ONCE, one with WELCOME10; Ravi: one).
INSERT INTO public.orders (
    id, profile_id, coupon_id, delivery_address, delivery_state_code,
    gross_amount, discount_amount, tax_amount, net_amount
) VALUES
(
    'd5000000-0000-4000-8000-000000000001', 'a5000000-0000-4000-8000-000000000001',
    'c5000000-0000-4000-8000-000000000002',
    '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}',
    '36', 1045, 100, 45, 945
),
(
    'd5000000-0000-4000-8000-000000000002', 'a5000000-0000-4000-8000-000000000001',
    'c5000000-0000-4000-8000-000000000002',
    '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}',
    '36', 1045, 100, 45, 945
),
(
    'd5000000-0000-4000-8000-000000000003', 'a5000000-0000-4000-8000-000000000001',
    'c5000000-0000-4000-8000-000000000001',
    '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}',
    '36', 1045, 100, 45, 945
),
(
    'd5000000-0000-4000-8000-000000000004', 'a5000000-0000-4000-8000-000000000002',
    'c5000000-0000-4000-8000-000000000001',
    '{"line_1": "1 MG Road", "city": "Hyderabad", "state_code": "36", "pincode": "500001"}',
    '36', 1045, 100, 45, 945
);

-- coupon_redemptions_matches_order.
SELECT lives_ok(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000001', 'd5000000-0000-4000-8000-000000000003',
              'a5000000-0000-4000-8000-000000000001', '2026-06-01')$$,
    'redeeming the order''s own coupon by its own profile is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000001', 'd5000000-0000-4000-8000-000000000004',
              'a5000000-0000-4000-8000-000000000001', '2026-06-01')$$,
    '23503',
    'insert or update on table "coupon_redemptions" violates foreign key constraint '
    || '"coupon_redemptions_matches_order"',
    'a redemption by someone other than the order''s profile is refused'
);
SELECT throws_ok(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000002', 'd5000000-0000-4000-8000-000000000004',
              'a5000000-0000-4000-8000-000000000002', '2026-06-01')$$,
    '23503',
    'insert or update on table "coupon_redemptions" violates foreign key constraint '
    || '"coupon_redemptions_matches_order"',
    'a redemption of a coupon the order does not carry is refused'
);

-- coupon_redemptions_one_per_order.
SELECT throws_ok(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000001', 'd5000000-0000-4000-8000-000000000003',
              'a5000000-0000-4000-8000-000000000001', '2026-06-02')$$,
    '23505',
    'duplicate key value violates unique constraint "coupon_redemptions_one_per_order"'
);

-- The trigger: validity window, is_active, max_uses.
SELECT throws_ok(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000001', 'd5000000-0000-4000-8000-000000000004',
              'a5000000-0000-4000-8000-000000000002', '2027-01-01 00:00:00+00')$$,
    '23514',
    NULL,
    'a redemption at valid_to (exclusive) is refused'
);
SELECT throws_like(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000001', 'd5000000-0000-4000-8000-000000000004',
              'a5000000-0000-4000-8000-000000000002', '2025-12-31')$$,
    'coupon WELCOME10 is not redeemable at %: it is valid from %',
    'a redemption before valid_from is refused, naming the coupon'
);
UPDATE public.coupons SET is_active = FALSE WHERE code = 'WELCOME10';
SELECT throws_like(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000001', 'd5000000-0000-4000-8000-000000000004',
              'a5000000-0000-4000-8000-000000000002', '2026-06-01')$$,
    'coupon WELCOME10 is not redeemable at %: it is withdrawn (is_active is false)',
    'a redemption of a withdrawn coupon is refused'
);
UPDATE public.coupons SET is_active = TRUE WHERE code = 'WELCOME10';
SELECT lives_ok(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000002', 'd5000000-0000-4000-8000-000000000001',
              'a5000000-0000-4000-8000-000000000001', '2026-06-01')$$,
    'the first use of a single-use coupon is accepted'
);
SELECT throws_ok(
    $$INSERT INTO public.coupon_redemptions (coupon_id, order_id, profile_id, redeemed_at)
      VALUES ('c5000000-0000-4000-8000-000000000002', 'd5000000-0000-4000-8000-000000000002',
              'a5000000-0000-4000-8000-000000000001', '2026-06-01')$$,
    '23514',
    'coupon ONCE has reached its limit of 1 uses',
    'a second use of a single-use coupon is refused'
);
SELECT is(
    (
        SELECT count(*) FROM public.coupon_redemptions
        WHERE coupon_id = 'c5000000-0000-4000-8000-000000000002'
    ),
    1::bigint,
    'the use count of ONCE is the one redemption row'
);

SELECT * FROM finish();
ROLLBACK;
