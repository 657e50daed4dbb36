-- Verify onemedi:rls_identity_vendors on pg

BEGIN;

SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'states'
    AND policyname IN (
        'anyone reads states'
    );
SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'cities'
    AND policyname IN (
        'anyone reads cities'
    );
SELECT 1 / (count(*) = 1)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'roles'
    AND policyname IN (
        'signed-in users read roles'
    );
SELECT 1 / (count(*) = 3)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'profiles'
    AND policyname IN (
        'users read their own profile, admins read all',
        'users create their own patient profile, admins any',
        'users change their own profile, admins any'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'family_members'
    AND policyname IN (
        'patients read their own family members',
        'patients add their own family members',
        'patients change their own family members',
        'patients remove their own family members'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'addresses'
    AND policyname IN (
        'patients read their own addresses',
        'patients add their own addresses',
        'patients change their own addresses',
        'patients remove their own addresses'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'vendors'
    AND policyname IN (
        'anyone anonymous reads active vendors',
        'users read active vendors and their own, admins all',
        'admins add vendors',
        'vendor managers change their vendor, admins any'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'vendor_locations'
    AND policyname IN (
        'anyone reads vendor branches',
        'vendor managers and admins add branches',
        'vendor managers and admins change branches',
        'vendor managers and admins remove branches'
    );
SELECT 1 / (count(*) = 4)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'vendor_staff'
    AND policyname IN (
        'vendor members read their vendor''s staff, admins all',
        'vendor managers and admins add staff',
        'vendor managers and admins change staff',
        'vendor managers and admins remove staff'
    );
SELECT 1 / (count(*) = 3)::integer
FROM pg_catalog.pg_policies
WHERE
    schemaname = 'public'
    AND tablename = 'vendor_kyc'
    AND policyname IN (
        'vendor members read their KYC, admins all',
        'admins add KYC records',
        'admins change KYC records'
    );

ROLLBACK;
