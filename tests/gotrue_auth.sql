-- GoTrue's auth schema beyond the stand-in's: the columns Supabase Auth keeps in
-- auth.users and its auth.identities table, for tests of rows written for a real Supabase
-- (supabase/seed.sql). Written from GoTrue's user and identity models and migrations, in
-- our words; IF NOT EXISTS, so a stand-in that already models them is left as it is.
BEGIN;
SET LOCAL client_min_messages = warning;

ALTER TABLE auth.users
ADD COLUMN IF NOT EXISTS instance_id uuid,
ADD COLUMN IF NOT EXISTS aud varchar(255),
ADD COLUMN IF NOT EXISTS role varchar(255),
ADD COLUMN IF NOT EXISTS encrypted_password varchar(255),
ADD COLUMN IF NOT EXISTS email_confirmed_at timestamptz,
ADD COLUMN IF NOT EXISTS invited_at timestamptz,
ADD COLUMN IF NOT EXISTS confirmation_token varchar(255),
ADD COLUMN IF NOT EXISTS confirmation_sent_at timestamptz,
ADD COLUMN IF NOT EXISTS recovery_token varchar(255),
ADD COLUMN IF NOT EXISTS recovery_sent_at timestamptz,
ADD COLUMN IF NOT EXISTS email_change_token_new varchar(255),
ADD COLUMN IF NOT EXISTS email_change varchar(255),
ADD COLUMN IF NOT EXISTS email_change_sent_at timestamptz,
ADD COLUMN IF NOT EXISTS last_sign_in_at timestamptz,
ADD COLUMN IF NOT EXISTS is_super_admin boolean,
ADD COLUMN IF NOT EXISTS phone_confirmed_at timestamptz,
ADD COLUMN IF NOT EXISTS phone_change text DEFAULT '',
ADD COLUMN IF NOT EXISTS phone_change_token varchar(255) DEFAULT '',
ADD COLUMN IF NOT EXISTS phone_change_sent_at timestamptz,
ADD COLUMN IF NOT EXISTS confirmed_at timestamptz
GENERATED ALWAYS AS (least(email_confirmed_at, phone_confirmed_at)) STORED,
ADD COLUMN IF NOT EXISTS email_change_token_current varchar(255) DEFAULT '',
ADD COLUMN IF NOT EXISTS email_change_confirm_status smallint DEFAULT 0,
ADD COLUMN IF NOT EXISTS banned_until timestamptz,
ADD COLUMN IF NOT EXISTS reauthentication_token varchar(255) DEFAULT '',
ADD COLUMN IF NOT EXISTS reauthentication_sent_at timestamptz,
ADD COLUMN IF NOT EXISTS is_sso_user boolean NOT NULL DEFAULT false,
ADD COLUMN IF NOT EXISTS deleted_at timestamptz,
ADD COLUMN IF NOT EXISTS is_anonymous boolean NOT NULL DEFAULT false;

-- One user per email among the non-SSO users, as GoTrue's partial unique index says.
CREATE UNIQUE INDEX IF NOT EXISTS users_email_partial_key ON auth.users (email)
WHERE is_sso_user = false;

CREATE TABLE IF NOT EXISTS auth.identities (
    provider_id text NOT NULL,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    identity_data jsonb NOT NULL,
    provider text NOT NULL,
    last_sign_in_at timestamptz,
    created_at timestamptz,
    updated_at timestamptz,
    email text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
    id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    CONSTRAINT identities_provider_id_provider_unique UNIQUE (provider_id, provider)
);
ALTER TABLE auth.identities OWNER TO supabase_auth_admin;

COMMIT;
