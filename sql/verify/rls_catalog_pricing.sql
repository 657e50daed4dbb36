-- Verify onemedi:rls_catalog_pricing on pg

BEGIN;

SELECT 1 / (count(*) = 5)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'service_catalog'
    AND policyname IN (
        'anyone anonymous reads active catalog entries',
        'users read active catalog entries, admins read all',
        'admins add catalog entries',
        'admins change catalog entries',
        'admins remove catalog entries'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'medicine_master'
    AND policyname IN (
        'anyone reads medicines',
        'admins add medicines',
        'admins change medicines',
        'admins remove medicines'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'medicine_alternatives'
    AND policyname IN (
        'anyone reads medicine alternatives',
        'admins add medicine alternatives',
        'admins change medicine alternatives',
        'admins remove medicine alternatives'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'lab_tests'
    AND policyname IN (
        'anyone reads lab tests',
        'admins add lab tests',
        'admins change lab tests',
        'admins remove lab tests'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'scans_master'
    AND policyname IN (
        'anyone reads scans',
        'admins add scans',
        'admins change scans',
        'admins remove scans'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'doctors'
    AND policyname IN (
        'anyone reads doctors',
        'admins add doctors',
        'admins change doctors',
        'admins remove doctors'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'services_master'
    AND policyname IN (
        'anyone reads services',
        'admins add services',
        'admins change services',
        'admins remove services'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'medicine_inventory'
    AND policyname IN (
        'anyone reads inventory',
        'vendor staff and admins add inventory',
        'vendor staff and admins change inventory',
        'vendor staff and admins remove inventory'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'lab_pricing'
    AND policyname IN (
        'anyone reads lab prices',
        'vendor staff and admins add lab prices',
        'vendor staff and admins change lab prices',
        'vendor staff and admins remove lab prices'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'scan_pricing'
    AND policyname IN (
        'anyone reads scan prices',
        'vendor staff and admins add scan prices',
        'vendor staff and admins change scan prices',
        'vendor staff and admins remove scan prices'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'service_pricing'
    AND policyname IN (
        'anyone reads service prices',
        'vendor staff and admins add service prices',
        'vendor staff and admins change service prices',
        'vendor staff and admins remove service prices'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'availability_slots'
    AND policyname IN (
        'anyone reads slots',
        'vendor staff and admins add slots',
        'vendor staff and admins change slots',
        'vendor staff and admins remove slots'
    );

ROLLBACK;
