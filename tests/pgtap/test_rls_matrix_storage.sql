-- Row level security matrix, storage buckets and the files in them.
-- Each actor's reads and writes of their own rows and of others', as
-- docs/security.md states them.
BEGIN;
SELECT plan(29);

-- Fixtures: the matrix's shared users, vendors, orders and files, and the session's
-- pg_temp.seen(sql) / pg_temp.affected(sql) (tests/pgtap/000_test_helpers.sql).
-- Impersonation as PostgREST does it: SET LOCAL request.jwt.claims to the user's claims and
-- SET LOCAL ROLE authenticated (or anon, service_role); RESET ROLE between actors.
SELECT tests.rls_matrix_fixtures();

-- Files (as the storage API would store them, inserted as postgres).
INSERT INTO storage.objects (bucket_id, name) VALUES
('static-media', 'banners/diwali.png'),
('prescriptions', 'a0000000-0000-4000-8000-000000000001/rx1.jpg'),
('prescriptions', 'a0000000-0000-4000-8000-000000000002/rx2.jpg'),
('prescriptions', 'a0000000-0000-4000-8000-000000000001/unattached.jpg'),
(
    'lab-reports',
    'a0000000-0000-4000-8000-000000000001/d0000000-0000-4000-8000-000000000001/cbc.pdf'
),
('vendor-compliance', 'b0000000-0000-4000-8000-000000000001/licence.pdf'),
('vendor-compliance', 'b0000000-0000-4000-8000-000000000002/licence.pdf');

-- The deletes below stand for the Storage API's, which sets this for its own transaction:
-- on Supabase any other DELETE on storage.objects is refused (trigger protect_delete).
SET LOCAL "storage.allow_delete_query" = 'true';

SELECT results_eq(
    $$SELECT id, public, file_size_limit > 0, 'application/pdf' = ANY(allowed_mime_types)
      FROM storage.buckets
      WHERE id IN ('static-media', 'prescriptions', 'lab-reports', 'vendor-compliance')
      ORDER BY id$$,
    $$VALUES ('lab-reports', FALSE, TRUE, TRUE), ('prescriptions', FALSE, TRUE, TRUE),
             ('static-media', TRUE, TRUE, FALSE), ('vendor-compliance', FALSE, TRUE, TRUE)$$,
    'the four buckets exist, only static-media is public, all have limits and types'
);

-- anon: no listing at all (static media is served by its public URL, without a policy:
-- change static_media_unlisted).
SET LOCAL ROLE anon;
SELECT is(
    pg_temp.seen('SELECT 1 FROM storage.objects'), 0::bigint,
    'anon lists no file, not even the public bucket''s'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name) VALUES ('static-media', 'x.png')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    'anon cannot upload static media'
);
RESET ROLE;

-- patient p1.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'prescriptions'$$),
    2::bigint, 'p1 sees their two prescriptions, not p2''s'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'lab-reports'$$),
    1::bigint, 'p1 sees their lab report'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'vendor-compliance'$$),
    0::bigint, 'p1 sees no compliance file'
);
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('prescriptions', 'a0000000-0000-4000-8000-000000000001/rx9.jpg')$$,
    'p1 uploads a prescription to their folder'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('prescriptions', 'a0000000-0000-4000-8000-000000000002/rx9.jpg')$$,
    '42501',
    'prescription a0000000-0000-4000-8000-000000000002/rx9.jpg is in folder '
    || 'a0000000-0000-4000-8000-000000000002/, which is not yours: upload into your own folder '
    || 'a0000000-0000-4000-8000-000000000001/',
    'p1 cannot upload into p2''s folder, and is told why (change '
    || 'storage_prescription_folder_message)'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000001/d0000000-0000-4000-8000-000000000001/fake.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    'p1 cannot upload a lab report'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'static-media'$$),
    0::bigint, 'p1 does not list the public bucket'
);
SELECT is(
    pg_temp.affected($$DELETE FROM storage.objects WHERE bucket_id = 'static-media'$$), 0,
    'p1 cannot delete static media (0 rows)'
);
RESET ROLE;

-- staff s1 of v1 (the lab of p1's order 1).
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000012", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen($$SELECT name FROM storage.objects WHERE bucket_id = 'prescriptions'$$),
    1::bigint, 's1 reads the one prescription attached to its order, nothing else'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'lab-reports'$$),
    1::bigint, 's1 reads the report of its order'
);
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000001/d0000000-0000-4000-8000-000000000001/lipid.pdf')$$,
    's1 uploads a report for its order'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000002/d0000000-0000-4000-8000-000000000002/x.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    's1 cannot upload a report for v2''s order'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000002/d0000000-0000-4000-8000-000000000001/x.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    's1 cannot file its order''s report in another patient''s folder'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'vendor-compliance'$$),
    1::bigint, 's1 reads v1''s compliance file only'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('vendor-compliance', 'b0000000-0000-4000-8000-000000000001/gst.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    's1 (STAFF) cannot upload compliance files'
);
RESET ROLE;

-- viewer w1 of v1 reads but cannot upload reports.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000013", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('lab-reports',
        'a0000000-0000-4000-8000-000000000001/d0000000-0000-4000-8000-000000000001/v.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    'w1 (VIEWER) cannot upload a report'
);
RESET ROLE;

-- owner o1 uploads compliance files for v1, not v2, and cannot replace them.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000011", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('vendor-compliance', 'b0000000-0000-4000-8000-000000000001/gst.pdf')$$,
    'o1 uploads a compliance file for v1'
);
SELECT throws_ok(
    $$INSERT INTO storage.objects (bucket_id, name)
      VALUES ('vendor-compliance', 'b0000000-0000-4000-8000-000000000002/gst.pdf')$$,
    '42501', 'new row violates row-level security policy for table "objects"',
    'o1 cannot upload into v2''s folder'
);
SELECT is(
    pg_temp.affected($$DELETE FROM storage.objects WHERE bucket_id = 'vendor-compliance'$$), 0,
    'o1 cannot delete compliance files (0 rows)'
);
RESET ROLE;

-- staff s2 of v2: p1's prescription rx1 is on order 1 (v1 only), so not theirs.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000022", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'prescriptions'$$),
    1::bigint, 's2 reads only p2''s prescription attached to v2''s order'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'lab-reports'$$),
    0::bigint, 's2 reads no report of v1''s order'
);
RESET ROLE;

-- admin: static media and compliance, not clinical files.
SET LOCAL "request.jwt.claims"
= '{"sub": "a0000000-0000-4000-8000-000000000099", "role": "authenticated"}';
SET LOCAL ROLE authenticated;
SELECT lives_ok(
    $$INSERT INTO storage.objects (bucket_id, name) VALUES ('static-media', 'logo.png')$$,
    'the admin uploads static media'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'static-media'$$),
    2::bigint, 'the admin lists the public bucket (the banner and the new logo)'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'vendor-compliance'$$),
    3::bigint, 'the admin reads every compliance file'
);
SELECT is(
    pg_temp.affected($$DELETE FROM storage.objects
      WHERE bucket_id = 'vendor-compliance'
        AND name = 'b0000000-0000-4000-8000-000000000002/licence.pdf'$$),
    1, 'the admin deletes a compliance file'
);
SELECT is(
    pg_temp.seen($$SELECT 1 FROM storage.objects WHERE bucket_id = 'prescriptions'$$),
    0::bigint, 'the admin reads no prescription (clinical files stay with patient and vendor)'
);
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
