-- Supabase stand-in, removal of its database objects (every mode). Plain DROPs without
-- CASCADE: an object of someone else's that still depends on the stand-in stops the
-- removal with PostgreSQL's own error, and nothing is dropped.

DO $event_triggers$
BEGIN
    DROP EVENT TRIGGER IF EXISTS standin_policy_grant_begin;
    DROP EVENT TRIGGER IF EXISTS standin_policy_grant_end;
END
$event_triggers$;
DROP FUNCTION IF EXISTS extensions.standin_policy_grant_begin();
DROP FUNCTION IF EXISTS extensions.standin_policy_grant_end();

DROP TABLE IF EXISTS storage.objects;
DROP TABLE IF EXISTS storage.buckets;
DROP TYPE IF EXISTS storage.buckettype;
DROP FUNCTION IF EXISTS storage.foldername(text);
DROP FUNCTION IF EXISTS storage.filename(text);
DROP FUNCTION IF EXISTS storage.extension(text);
DROP FUNCTION IF EXISTS storage.protect_delete();
DROP FUNCTION IF EXISTS storage.enforce_bucket_name_length();
DROP FUNCTION IF EXISTS storage.update_updated_at_column();
DROP SCHEMA IF EXISTS storage;

DROP TABLE IF EXISTS auth.identities;
DROP TABLE IF EXISTS auth.users;
DROP FUNCTION IF EXISTS auth.uid();
DROP FUNCTION IF EXISTS auth.role();
DROP FUNCTION IF EXISTS auth.email();
DROP FUNCTION IF EXISTS auth.jwt();
DROP SCHEMA IF EXISTS auth;
