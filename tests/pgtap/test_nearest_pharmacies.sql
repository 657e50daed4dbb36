-- nearest_pharmacies (change nearest_pharmacies): active pharmacies' branches nearest first,
-- within the radius, at most p_limit; other vendors and inactive pharmacies left out.
-- Distances: 0.009 degrees of latitude at 28.6 N is 0.009 x 110,850 m = 998 m (WGS 84
-- meridian arc, 110.85 km per degree there), so the branches below stand about 1, 2 and 3
-- km north of the patient.
BEGIN;
SELECT plan(9);

INSERT INTO auth.users (id, email) VALUES
('a8e00000-0000-4000-8000-000000000001', 'np-owner@t8e.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT
    'a8e00000-0000-4000-8000-000000000001'::uuid AS id,
    'Owner' AS full_name,
    r.id AS role_id
FROM public.roles AS r WHERE r.name = 'VENDOR_ADMIN';
INSERT INTO public.cities (id, state_code, name) VALUES
('c8e00000-0000-4000-8000-000000000001', '07', 'Delhi T8E');
INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES
(
    'b8e00000-0000-4000-8000-000000000001', 'Near Pharmacy', 'PHARMACY',
    'a8e00000-0000-4000-8000-000000000001', TRUE
),
(
    'b8e00000-0000-4000-8000-000000000002', 'Far Pharmacy', 'PHARMACY',
    'a8e00000-0000-4000-8000-000000000001', TRUE
),
(
    'b8e00000-0000-4000-8000-000000000003', 'Closed Pharmacy', 'PHARMACY',
    'a8e00000-0000-4000-8000-000000000001', FALSE
),
(
    'b8e00000-0000-4000-8000-000000000004', 'A Lab', 'DIAGNOSTIC_LAB',
    'a8e00000-0000-4000-8000-000000000001', TRUE
);
INSERT INTO public.vendor_locations (
    id, vendor_id, city_id, name, address_line, pincode, coords
) VALUES
(
    'd8e00000-0000-4000-8000-000000000001', 'b8e00000-0000-4000-8000-000000000001',
    'c8e00000-0000-4000-8000-000000000001', 'Near 2 km', '2 Road', '110001',
    'SRID=4326;POINT(77.2 28.618)'
),
(
    'd8e00000-0000-4000-8000-000000000002', 'b8e00000-0000-4000-8000-000000000002',
    'c8e00000-0000-4000-8000-000000000001', 'Far 3 km', '3 Road', '110001',
    'SRID=4326;POINT(77.2 28.627)'
),
(
    'd8e00000-0000-4000-8000-000000000003', 'b8e00000-0000-4000-8000-000000000003',
    'c8e00000-0000-4000-8000-000000000001', 'Closed 1 km', '1 Road', '110001',
    'SRID=4326;POINT(77.2 28.609)'
),
(
    'd8e00000-0000-4000-8000-000000000004', 'b8e00000-0000-4000-8000-000000000004',
    'c8e00000-0000-4000-8000-000000000001', 'Lab 1 km', '1 Lane', '110001',
    'SRID=4326;POINT(77.2 28.6091)'
),
(
    'd8e00000-0000-4000-8000-000000000005', 'b8e00000-0000-4000-8000-000000000001',
    'c8e00000-0000-4000-8000-000000000001', 'Near 1 km', '1 Street', '110001',
    'SRID=4326;POINT(77.2 28.6092)'
);

SET LOCAL ROLE anon;
SELECT results_eq(
    $$SELECT branch_name FROM public.nearest_pharmacies(28.6, 77.2, 10, 5000)
      WHERE vendor_id::text LIKE 'b8e00000%'$$,
    $$VALUES ('Near 1 km'), ('Near 2 km'), ('Far 3 km')$$,
    'anyone gets the active pharmacies'' branches, nearest first (no lab, no closed one)'
);
SELECT ok(
    (
        SELECT metres BETWEEN 1015 AND 1025
        FROM public.nearest_pharmacies(28.6, 77.2, 1, 5000)
        WHERE branch_name = 'Near 1 km'
    ),
    'with the distance in metres: 0.0092 degrees north is 1,020 m'
);
SELECT results_eq(
    $$SELECT branch_name FROM public.nearest_pharmacies(28.6, 77.2, 2, 5000)
      WHERE vendor_id::text LIKE 'b8e00000%'$$,
    $$VALUES ('Near 1 km'), ('Near 2 km')$$,
    'p_limit stops at the nearest two'
);
SELECT results_eq(
    $$SELECT branch_name FROM public.nearest_pharmacies(28.6, 77.2, 10, 2500)
      WHERE vendor_id::text LIKE 'b8e00000%'$$,
    $$VALUES ('Near 1 km'), ('Near 2 km')$$,
    'the radius leaves out the branch 3 km away'
);
RESET ROLE;
SELECT throws_ok(
    $$SELECT * FROM public.nearest_pharmacies(128.6, 77.2)$$,
    '22023', NULL, 'a latitude beyond 90 is refused'
);
SELECT throws_ok(
    $$SELECT * FROM public.nearest_pharmacies('NaN', 77.2)$$,
    '22023', NULL, 'NaN is refused'
);
SELECT throws_ok(
    $$SELECT * FROM public.nearest_pharmacies(28.6, 77.2, 51)$$,
    '22023', 'nearest_pharmacies returns 1 to 50 branches, not 51', 'p_limit above 50 is refused'
);
SELECT throws_ok(
    $$SELECT * FROM public.nearest_pharmacies(28.6, 77.2, 10, 200000)$$,
    '22023', NULL, 'a radius beyond 100 km is refused'
);
SELECT ok(
    NOT (
        SELECT p.prosecdef FROM pg_catalog.pg_proc AS p
        WHERE
            p.oid = 'public.nearest_pharmacies(double precision, double precision, integer, '
            'double precision)'::regprocedure
    ),
    'it runs with the caller''s rights (branches and active vendors are public)'
);

SELECT * FROM finish();
ROLLBACK;
