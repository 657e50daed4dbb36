"""What the Data API exposes, in every stand-in mode, deployed by the platform's NOSUPERUSER
`postgres`: exactly the privileges the changes grant, whatever the mode's default privileges
are; anon reads no private column and runs no SECURITY DEFINER function; every function a
client may call is one docs/security.md lists (definer ones with why).

Expected values come from outside the code: docs/schema/privileges.md (generated from a
database without default privileges and reviewed like any page), docs/security.md's access
matrix and RPC list, and Supabase's documented defaults (anon, authenticated and service_role
granted ALL on what postgres creates in public, in the supabase-2024 mode).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from onemedi_db.reference.privileges import read_privileges, render_privileges
from standin_support import selected_modes

ROOT = Path(__file__).resolve().parent.parent
SECURITY = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
MODES = selected_modes()


def _rpc_table() -> dict[str, tuple[str, bool]]:
    """docs/security.md's list of client functions: name -> (who may execute, definer)."""
    section = SECURITY.split("## Functions clients may call", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_0-9]+)\([^`]*\)` \| ([^|]+) \| (yes|no) \|", section, re.M)
    assert len(rows) >= 10, "docs/security.md lists the client functions in a table"
    return {name: (who.strip(), definer == "yes") for name, who, definer in rows}


def _anon_tables() -> set[str]:
    """The tables the access matrix lets anon SELECT."""
    return {t for t, cmd, roles in re.findall(
        r"^\| `([a-z_0-9]+)` \| (SELECT) \| ([^|]+) \|", SECURITY, re.M) if "anon" in roles}


@pytest.mark.parametrize("mode", MODES)
def test_privileges_are_the_committed_ones(standin_db: Callable[[str], str], mode: str) -> None:
    with psycopg.connect(standin_db(mode)) as conn:
        rows = read_privileges(conn)
    assert rows is not None, "private.api_privileges() is missing: is the plan deployed?"
    page = ROOT / "docs" / "schema" / "privileges.md"
    assert render_privileges(rows) == page.read_text(encoding="utf-8"), (
        f"privileges in {mode} differ from {page.relative_to(ROOT)}: a change grants what "
        "it did not mean, or forgot to revoke what the platform's defaults gave "
        "(`onemedi-db lint`, rule api-privileges); `make docs` if the change is intended")


@pytest.mark.parametrize("mode", MODES)
def test_anon_reads_no_private_column_and_runs_no_definer_function(
    standin_db: Callable[[str], str], mode: str
) -> None:
    with psycopg.connect(standin_db(mode)) as conn:
        readable = {r[0] for r in conn.execute(
            "SELECT c.relname FROM pg_class AS c WHERE c.relnamespace = 'public'::regnamespace "
            "AND c.relkind IN ('r', 'p', 'v', 'm') "
            "AND has_any_column_privilege('anon', c.oid, 'SELECT')")}
        writable = conn.execute(
            "SELECT c.oid::regclass::text FROM pg_class AS c WHERE c.relnamespace IN "
            "('public'::regnamespace, 'private'::regnamespace) AND c.relkind IN ('r', 'p', 'v') "
            "AND (has_table_privilege('anon', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE') "
            "OR has_any_column_privilege('anon', c.oid, 'INSERT, UPDATE'))").fetchall()
        vendor_columns = {r[0] for r in conn.execute(
            "SELECT a.attname FROM pg_attribute AS a WHERE a.attrelid = 'public.vendors'::regclass"
            " AND a.attnum > 0 AND NOT a.attisdropped "
            "AND has_column_privilege('anon', 'public.vendors', a.attname, 'SELECT')")}
        definers = conn.execute(
            "SELECT p.oid::regprocedure::text FROM pg_proc AS p WHERE p.prosecdef "
            "AND p.pronamespace IN ('public'::regnamespace, 'private'::regnamespace) "
            "AND has_function_privilege('anon', p.oid, 'EXECUTE')").fetchall()
    assert readable == _anon_tables()
    assert writable == []
    # The design's private columns of a vendor: its commission, owner and KYC-side facts.
    assert not vendor_columns & {"commission_rate", "owner_id"}, vendor_columns
    assert {"id", "name", "type"} <= vendor_columns
    assert definers == []


@pytest.mark.parametrize("mode", MODES)
def test_every_function_a_client_may_call_is_documented(
    standin_db: Callable[[str], str], mode: str
) -> None:
    with psycopg.connect(standin_db(mode)) as conn:
        found = conn.execute(
            "SELECT p.proname, p.prosecdef, array_to_string(ARRAY(SELECT r FROM unnest(ARRAY["
            "'anon', 'authenticated']) AS r WHERE has_function_privilege(r, p.oid, 'EXECUTE')),"
            " ', ') FROM pg_proc AS p WHERE p.pronamespace = 'public'::regnamespace "
            "AND (has_function_privilege('anon', p.oid, 'EXECUTE') "
            "OR has_function_privilege('authenticated', p.oid, 'EXECUTE'))").fetchall()
    documented = _rpc_table()
    actual = {name: (who, definer) for name, definer, who in found}
    assert actual == documented, (
        "docs/security.md, \"Functions clients may call\", must list each function anon or "
        "authenticated may execute: who, and whether it is SECURITY DEFINER (and why)")
