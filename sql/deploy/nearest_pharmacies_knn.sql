-- Deploy onemedi:nearest_pharmacies_knn to pg
-- requires: nearest_pharmacies
-- requires: vendor_locations_planar_knn_idx
-- nearest_pharmacies read nearest first only where few branches lie in the radius: at 1M
-- orders (50,000 branches) the planner took the radius (st_dwithin) as a bitmap of the
-- 2,000 branches within 10 km of a city centre and sorted them (9.9 ms), because the
-- query also ordered by id and filtered by distance, and the geography index itself takes
-- 5.7 ms to return the nearest branch there. The branches now come nearest first from the
-- planar index (vendor_locations_planar_knn_idx) in a loop that stops once no branch left
-- can be nearer than the p_limit-th pharmacy found or within the radius.

BEGIN;

CREATE OR REPLACE FUNCTION public.nearest_pharmacies(
    p_lat double precision,
    p_lng double precision,
    p_limit integer DEFAULT 10,
    p_within_metres double precision DEFAULT 10000
)
RETURNS TABLE (
    branch_id uuid,
    vendor_id uuid,
    vendor_name text,
    branch_name text,
    address_line text,
    pincode text,
    is_open_24x7 boolean,
    metres double precision
)
LANGUAGE plpgsql
STABLE
SET search_path = ''
-- The loop reads a few rows of its cursor: plan it for the first rows (the default, 10% of
-- the branches, makes a sort of every pharmacy branch look cheaper than the index).
SET cursor_tuple_fraction = 0.0001
AS $$
DECLARE
    v_point extensions.geography;
    v_planar extensions.geometry;
    v_metres_per_degree double precision;
    v_row record;
    v_ids uuid[] := '{}';
    v_metres double precision[] := '{}';
    v_kth double precision := 'Infinity';
    -- A declared cursor is planned for its first rows (cursor_tuple_fraction): the index
    -- order, not a sort of every pharmacy branch as a FOR over a query would be planned.
    c_branches CURSOR (p_from extensions.geometry) FOR
        SELECT
            l.id,
            l.coords,
            (l.coords::extensions.geometry) OPERATOR(extensions.<->) p_from AS degrees
        FROM public.vendor_locations AS l
        INNER JOIN public.vendors AS v ON l.vendor_id = v.id
        WHERE v.type = 'PHARMACY' AND v.is_active
        ORDER BY (l.coords::extensions.geometry) OPERATOR(extensions.<->) p_from;
BEGIN
    IF p_lat IS NULL OR p_lng IS NULL OR NOT (p_lat BETWEEN -90 AND 90)
        OR NOT (p_lng BETWEEN -180 AND 180) THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'nearest_pharmacies needs a latitude and a longitude, got %s, %s',
                coalesce(p_lat::text, 'NULL'), coalesce(p_lng::text, 'NULL')
            ),
            HINT = 'Pass the patient''s position in degrees (WGS 84), latitude first.';
    END IF;
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 50 THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'nearest_pharmacies returns 1 to 50 branches, not %s',
                coalesce(p_limit::text, 'NULL')
            ),
            HINT = 'Pass p_limit from 1 to 50 (default 10).';
    END IF;
    IF p_within_metres IS NULL OR NOT (p_within_metres BETWEEN 1 AND 100000) THEN
        RAISE EXCEPTION USING
            ERRCODE = '22023',
            MESSAGE = pg_catalog.format(
                'nearest_pharmacies searches within 1 m to 100 km, not %s m',
                coalesce(p_within_metres::text, 'NULL')
            ),
            HINT = 'Pass p_within_metres up to 100000 (default 10000).';
    END IF;
    v_point := extensions.st_setsrid(
        extensions.st_makepoint(p_lng, p_lat), 4326
    )::extensions.geography;
    v_planar := v_point::extensions.geometry;
    -- Branches come nearest first in degrees from the planar index and are measured on
    -- the spheroid. A degree is at least v_metres_per_degree metres in any direction
    -- within the radius, so a branch farther than the radius, or than the p_limit-th
    -- pharmacy already found, in degrees times that, ends the scan: a dense city costs
    -- what a sparse one does.
    v_metres_per_degree := 110574 * pg_catalog.cos(pg_catalog.radians(
        LEAST(89.0, abs(p_lat) + p_within_metres / 110574.0)
    ));
    FOR v_row IN c_branches(v_planar)
    LOOP
        EXIT WHEN v_row.degrees * v_metres_per_degree > LEAST(p_within_metres, v_kth);
        v_ids := v_ids || v_row.id;
        v_metres := v_metres || extensions.st_distance(v_row.coords, v_point);
        IF pg_catalog.cardinality(v_ids) >= p_limit THEN
            SELECT m INTO v_kth FROM pg_catalog.unnest(v_metres) AS m
            ORDER BY m OFFSET p_limit - 1 LIMIT 1;
        END IF;
    END LOOP;
    RETURN QUERY
    SELECT
        l.id,
        l.vendor_id,
        v.name,
        l.name,
        l.address_line,
        l.pincode,
        l.is_open_24x7,
        f.metres
    FROM unnest(v_ids, v_metres) AS f (id, metres)
    INNER JOIN public.vendor_locations AS l ON f.id = l.id
    INNER JOIN public.vendors AS v ON l.vendor_id = v.id
    WHERE f.metres <= p_within_metres
    ORDER BY f.metres, l.id
    LIMIT p_limit;
END
$$;

COMMIT;
