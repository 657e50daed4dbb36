-- The admin's role (admin_role, read_policies_index_paths, api_guards_om_admin,
-- admin_reads_without_hook): the custom access token hook names om_admin for an ADMIN only;
-- om_admin reads everything only while is_admin() holds; an admin whose token the hook did
-- not make still reads everything, through the primary-key range whose bounds are NULL for
-- everyone else; the API guards hold for om_admin as for authenticated.
BEGIN;
SELECT plan(21);

SELECT tests.rls_matrix_fixtures();

-- The hook, called as Supabase Auth calls it (an event with user_id and claims).
SELECT is(
    public.custom_access_token_hook(jsonb_build_object(
        'user_id', 'a0000000-0000-4000-8000-000000000099',
        'claims', jsonb_build_object(
            'sub', 'a0000000-0000-4000-8000-000000000099', 'role', 'authenticated',
            'aal', 'aal1'
        )
    )) -> 'claims',
    '{"sub": "a0000000-0000-4000-8000-000000000099", "role": "om_admin", "aal": "aal1"}'::jsonb,
    'an ADMIN''s token names the role om_admin and keeps every other claim'
);
SELECT is(
    public.custom_access_token_hook(jsonb_build_object(
        'user_id', 'a0000000-0000-4000-8000-000000000012',
        'claims', jsonb_build_object(
            'sub', 'a0000000-0000-4000-8000-000000000012', 'role', 'authenticated'
        )
    )) #>> '{claims,role}',
    'authenticated',
    'vendor staff keep the role authenticated'
);
SELECT is(
    public.custom_access_token_hook(jsonb_build_object(
        'user_id', 'a0000000-0000-4000-8000-000000000001',
        'claims', jsonb_build_object(
            'sub', 'a0000000-0000-4000-8000-000000000001', 'role', 'authenticated'
        )
    )) #>> '{claims,role}',
    'authenticated',
    'a patient keeps the role authenticated'
);
SELECT is(
    public.custom_access_token_hook(jsonb_build_object(
        'user_id', 'a0000000-0000-4000-8000-000000000099',
        'claims', jsonb_build_object('role', 'anon')
    )) #>> '{claims,role}',
    'anon',
    'a claim role other than authenticated is left alone'
);
SELECT ok(
    NOT has_function_privilege('anon', 'public.custom_access_token_hook(jsonb)', 'EXECUTE')
    AND NOT has_function_privilege(
        'authenticated', 'public.custom_access_token_hook(jsonb)', 'EXECUTE'
    )
    AND NOT has_function_privilege(
        'service_role', 'public.custom_access_token_hook(jsonb)', 'EXECUTE'
    ),
    'no API role calls the hook (Supabase Auth runs it as supabase_auth_admin)'
);
SELECT ok(
    pg_has_role('om_admin', 'authenticated', 'USAGE'),
    'om_admin may do what authenticated may'
);

-- The admin with an om_admin token reads every order; with a token the hook did not make
-- (a project without the hook, a token issued before it was enabled) too.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000099", "role": "om_admin"}';
SET LOCAL ROLE om_admin;
SELECT is(pg_temp.seen('SELECT 1 FROM public.orders'), 3::bigint, 'om_admin: every order');
SELECT is(pg_temp.seen('SELECT 1 FROM public.refunds'), 2::bigint, 'om_admin: every refund');
RESET ROLE;
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000099", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.orders'), 3::bigint,
    'an admin whose token has no om_admin still reads every order'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.refunds'), 2::bigint,
    'an admin whose token has no om_admin still reads every refund'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.vendor_payouts'), 2::bigint,
    'an admin whose token has no om_admin still reads every payout'
);
SELECT is(
    private.admin_id_floor(), '00000000-0000-0000-0000-000000000000'::uuid,
    'for an admin the admin arm starts at the least uuid: it spans every row'
);
RESET ROLE;
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    private.admin_id_floor(), NULL::uuid,
    'for a patient the admin arm''s floor is NULL: it matches no row'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.orders'), 2::bigint,
    'a patient reads their own two orders, the admin arm adds none'
);
RESET ROLE;

-- A patient holding an om_admin token (an admin demoted before the token expired) sees
-- their own rows and nothing more: every admin policy asks is_admin() again.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "om_admin"}';
SET LOCAL ROLE om_admin;
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.orders'), 2::bigint, 'a non-admin as om_admin: own orders'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.vendor_payouts'), 0::bigint,
    'a non-admin as om_admin: no payouts'
);
SELECT is(
    pg_temp.seen('SELECT 1 FROM public.order_items'), 3::bigint,
    'a non-admin as om_admin: the lines of their own orders'
);
-- The API guards know om_admin: the patient cannot pay or complete their own order.
SELECT throws_ok(
    $$UPDATE public.orders SET payment_status = 'PAID', payment_ref = 'pay_self'
      WHERE id = 'd0000000-0000-4000-8000-000000000001'$$,
    'OM090', NULL,
    'as om_admin too, payment_status moves only by the payment path'
);
SELECT throws_ok(
    $$SELECT public.publish_medicine_version(gen_random_uuid(), '{}'::jsonb)$$,
    '42501', NULL,
    'as om_admin, a non-admin still cannot publish a medicine version'
);
RESET ROLE;

-- No guard of public or private tells API users apart without om_admin.
SELECT is_empty(
    $$SELECT p.oid::regprocedure::text FROM pg_proc AS p
      WHERE p.pronamespace IN ('public'::regnamespace, 'private'::regnamespace)
        AND p.prosrc ~* 'current_user[^;]*''authenticated'''
        AND p.prosrc !~ 'om_admin'$$,
    'every CURRENT_USER test that names authenticated names om_admin too'
);
SELECT is_empty(
    $$SELECT tablename || ': ' || policyname FROM pg_policies
      WHERE schemaname = 'public' AND cmd = 'SELECT' AND roles = '{authenticated}'
        AND (qual ~ 'is_admin' OR qual !~ 'private\.admin_id_floor')
        AND tablename IN ('orders', 'order_items', 'service_bookings', 'refunds',
                          'order_artifacts', 'vendor_payouts', 'coupons')$$,
    'authenticated''s read policies of the busy tables carry the admin arm as a key range, '
    || 'never as is_admin()'
);

SELECT * FROM finish();
ROLLBACK;
