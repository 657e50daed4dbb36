-- Revert onemedi:nearest_pharmacies_knn from pg
-- nearest_pharmacies as its change made it: one query, the radius in it.

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
AS $$
DECLARE
    v_point extensions.geography;
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
    RETURN QUERY
    SELECT
        l.id,
        l.vendor_id,
        v.name,
        l.name,
        l.address_line,
        l.pincode,
        l.is_open_24x7,
        extensions.st_distance(l.coords, v_point)
    FROM public.vendor_locations AS l
    INNER JOIN public.vendors AS v ON l.vendor_id = v.id
    WHERE
        v.type = 'PHARMACY'
        AND v.is_active
        AND extensions.st_dwithin(l.coords, v_point, p_within_metres)
    ORDER BY l.coords OPERATOR(extensions.<->) v_point, l.id
    LIMIT p_limit;
END
$$;

COMMIT;
