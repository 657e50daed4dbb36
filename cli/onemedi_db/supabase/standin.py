"""The Supabase stand-in: what a Supabase project already has, for a plain PostgreSQL.

It runs before the plan, never as part of it, and only where `auth.users` or
`storage.objects` is missing: on Supabase itself it never runs. The SQL is idempotent.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import psycopg

from ..errors import TargetUnreachable


def is_needed(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute(
        "SELECT to_regclass('auth.users') IS NULL OR to_regclass('storage.objects') IS NULL"
    ).fetchone()
    return bool(row and row[0])


def sql_text() -> str:
    return resources.files(__package__).joinpath("standin.sql").read_text("utf-8")


def install(conn: psycopg.Connection[Any]) -> None:
    """Apply the stand-in in one transaction (its script carries BEGIN/COMMIT)."""
    try:
        conn.execute(sql_text().encode("utf-8"), prepare=False)
    except psycopg.Error as exc:
        if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            conn.execute("ROLLBACK")
        raise TargetUnreachable(
            f"could not install the Supabase stand-in: {exc.diag.message_primary or exc}",
            hint="the stand-in needs a superuser (it creates roles and the postgis extension); "
            "on Supabase it is never needed",
        ) from None
