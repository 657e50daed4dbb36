-- vendor_orders (change vendor_orders): a vendor's newest orders for its staff, its owner
-- and admins; the same orders the orders policy shows them, each once; everyone else is
-- told OM130; bad arguments are refused by name.
BEGIN;
SELECT plan(16);

SELECT tests.rls_matrix_fixtures();

-- Staff s1 of v1: v1 sells lines in orders 1 and 3 (3 also holds a line of v2). The
-- fixtures write everything in this transaction, so both orders share created_at and
-- the id breaks the tie, descending.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000012", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT results_eq(
    $$SELECT id FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001')$$,
    $$VALUES ('d0000000-0000-4000-8000-000000000003'::uuid),
             ('d0000000-0000-4000-8000-000000000001'::uuid)$$,
    'staff of v1 get v1''s two orders, newest first, the shared order once'
);
SELECT set_eq(
    $$SELECT id FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001')$$,
    $$SELECT id FROM public.orders$$,
    'the same orders the orders policy shows v1''s staff'
);
SELECT is(
    (SELECT count(*) FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001', 1)),
    1::bigint, 'p_limit 1 gives one order'
);
SELECT is(
    (SELECT count(*) FROM public.vendor_orders(
        'b0000000-0000-4000-8000-000000000001', 50, now()
    )),
    0::bigint, 'p_before is exclusive: nothing older than orders made now'
);
SELECT is(
    (SELECT count(*) FROM public.vendor_orders(
        'b0000000-0000-4000-8000-000000000001', 50, now() + interval '1 second'
    )),
    2::bigint, 'p_before after them gives both'
);
SELECT throws_ok(
    $$SELECT * FROM public.vendor_orders('b0000000-0000-4000-8000-000000000002')$$,
    'OM130',
    'you are not on the staff of vendor b0000000-0000-4000-8000-000000000002, so its orders '
    || 'are not listed',
    'staff of v1 cannot list v2''s orders (OM130)'
);
SELECT throws_ok(
    $$SELECT * FROM public.vendor_orders(NULL)$$, '22004',
    'vendor_orders needs the vendor whose orders to list', 'a NULL vendor is refused (22004)'
);
SELECT throws_ok(
    $$SELECT * FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001', 0)$$,
    '22023', 'vendor_orders returns 1 to 200 orders, not 0', 'p_limit 0 is refused (22023)'
);
SELECT throws_ok(
    $$SELECT * FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001', 201)$$,
    '22023', 'vendor_orders returns 1 to 200 orders, not 201', 'p_limit 201 is refused'
);
SELECT throws_ok(
    $$SELECT * FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001', NULL)$$,
    '22023', 'vendor_orders returns 1 to 200 orders, not NULL', 'a NULL p_limit is refused'
);
RESET ROLE;

-- v1's owner, who is not in vendor_staff.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000011", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    (SELECT count(*) FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001')),
    2::bigint, 'v1''s owner lists v1''s orders'
);
RESET ROLE;

-- A patient of one of those orders is not its vendor.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT * FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001')$$,
    'OM130', NULL, 'a patient cannot list a vendor''s orders, even their own vendor''s'
);
RESET ROLE;

-- An admin lists any vendor's orders, with the hook's role or without it.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000099", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT results_eq(
    $$SELECT id FROM public.vendor_orders('b0000000-0000-4000-8000-000000000002')$$,
    $$VALUES ('d0000000-0000-4000-8000-000000000003'::uuid),
             ('d0000000-0000-4000-8000-000000000002'::uuid)$$,
    'an admin lists v2''s orders'
);
RESET ROLE;

-- Nobody signed in: anon may not call it; authenticated without a user is told to sign in.
SET LOCAL "request.jwt.claims" = '{"role": "anon"}';
SET LOCAL ROLE anon;
SELECT throws_ok(
    $$SELECT * FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001')$$,
    '42501', NULL, 'anon may not call vendor_orders'
);
RESET ROLE;
SET LOCAL "request.jwt.claims" = '{"role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$SELECT * FROM public.vendor_orders('b0000000-0000-4000-8000-000000000001')$$,
    '42501', 'sign in to list a vendor''s orders', 'a request without a user is told to sign in'
);
RESET ROLE;

SELECT ok(
    (
        SELECT p.prosecdef FROM pg_proc AS p
        WHERE p.oid = 'public.vendor_orders(uuid, integer, timestamptz)'::regprocedure
    ),
    'vendor_orders runs as its owner (it checks the caller itself)'
);

SELECT * FROM finish();
ROLLBACK;
