"""Demo users who can sign in: `auth.users` and `auth.identities` rows as GoTrue (Supabase
Auth) stores a confirmed email sign-up, so `supabase.auth.signInWithPassword` works for them
on a local Supabase.

What GoTrue needs of the rows, from its user and identity models: `aud` and `role`
'authenticated'; `instance_id` the zero uuid; a bcrypt `encrypted_password`; a set
`email_confirmed_at` (else "Email not confirmed"); `raw_app_meta_data` naming the email
provider; and the token columns it reads as Go strings holding '' rather than NULL (a NULL
fails every sign-in with "converting NULL to string is unsupported"). The identity row
links the user to the email provider (`provider_id` is the user id).
"""

from __future__ import annotations

import json
from typing import Any

DEMO_PASSWORD = "onemedi-demo"
INSTANCE_ID = "00000000-0000-0000-0000-000000000000"
# The text columns of auth.users that GoTrue scans into plain Go strings.
EMPTY_STRINGS = ("confirmation_token", "recovery_token", "email_change_token_new",
                 "email_change_token_current", "email_change", "phone_change",
                 "phone_change_token", "reauthentication_token")
APP_META = {"provider": "email", "providers": ["email"]}


def user_rows(user_id: str, email: str, identity_id: str,
              password: str = DEMO_PASSWORD) -> list[tuple[str, tuple[Any, ...]]]:
    """The INSERTs of one confirmed email user and its identity (password hashed in SQL)."""
    identity = {"sub": user_id, "email": email, "email_verified": True,
                "phone_verified": False}
    columns = ", ".join(EMPTY_STRINGS)
    blanks = ", ".join("''" for _ in EMPTY_STRINGS)
    return [
        ("INSERT INTO auth.users (instance_id, id, aud, role, email, encrypted_password, "
         f"email_confirmed_at, {columns}, raw_app_meta_data, raw_user_meta_data, "
         "is_super_admin, is_sso_user, is_anonymous, created_at, updated_at) VALUES (%s, %s, "
         "'authenticated', 'authenticated', %s, extensions.crypt(%s, extensions.gen_salt('bf')),"
         f" now(), {blanks}, %s::jsonb, %s::jsonb, false, false, false, now(), now())",
         (INSTANCE_ID, user_id, email, password, json.dumps(APP_META), json.dumps(identity))),
        ("INSERT INTO auth.identities (id, provider_id, user_id, identity_data, provider, "
         "last_sign_in_at, created_at, updated_at) VALUES (%s, %s, %s, %s::jsonb, 'email', "
         "now(), now(), now())", (identity_id, user_id, user_id, json.dumps(identity))),
    ]
