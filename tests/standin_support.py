"""The pgTAP harness on the Supabase stand-in, as the platform really is.

The suite runs once per stand-in mode (ONEMEDI_STANDIN_MODES: a comma list, or `all`, the
default when unset), each mode in a database of its own on the harness's own cluster
(ONEMEDI_STANDIN_ADMIN_URL, default supabase_admin@127.0.0.1:5440; `make standin-cluster`
starts it). There `postgres` is NOSUPERUSER with the hosted attributes, as on Supabase:
the installer (a superuser, like the platform's admin) sets the stand-in up, `postgres`
deploys the plan and runs every test; pgTAP is created by the admin, as supautils does
for a hosted project; the test helpers (tests/pgtap/000_test_helpers.sql) by `postgres`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "tests" / "pgtap" / "000_test_helpers.sql"
STANDIN_ADMIN_URL = os.environ.get(
    "ONEMEDI_STANDIN_ADMIN_URL", "postgresql://supabase_admin@127.0.0.1:5440/postgres"
)
ALL_MODES = ("plain", "supabase-2024", "supabase-2026")
HOSTED_ATTRIBUTES = {"rolsuper": False, "rolcreatedb": True, "rolcreaterole": True,
                     "rolreplication": True, "rolbypassrls": True, "rolcanlogin": True}


def selected_modes() -> list[str]:
    """The modes ONEMEDI_STANDIN_MODES names (all of them when unset or `all`)."""
    raw = os.environ.get("ONEMEDI_STANDIN_MODES", "all").strip()
    modes = list(ALL_MODES) if raw in ("", "all") else [m.strip() for m in raw.split(",")]
    unknown = [m for m in modes if m not in ALL_MODES]
    if unknown:
        raise pytest.UsageError(
            f"ONEMEDI_STANDIN_MODES names unknown mode(s) {unknown}: use {', '.join(ALL_MODES)}"
            " or all")
    return modes


def url_as(user: str, dbname: str) -> str:
    info = psycopg.conninfo.conninfo_to_dict(STANDIN_ADMIN_URL)
    host, port = info.get("host", "127.0.0.1"), info.get("port", "5440")
    return f"postgresql://{user}@{host}:{port}/{dbname}"


def admin() -> psycopg.Connection[Any]:
    try:
        return psycopg.connect(STANDIN_ADMIN_URL, autocommit=True)
    except psycopg.OperationalError as exc:  # a failure, never a skip
        pytest.fail(f"cannot reach PostgreSQL at {STANDIN_ADMIN_URL} (the pgTAP harness's "
                    f"cluster; `make standin-cluster` starts it): {exc}", pytrace=False)


def check_deployer(conn: psycopg.Connection[Any]) -> None:
    """The harness is only worth its name if `postgres` is what hosted Supabase has."""
    cols = ", ".join(HOSTED_ATTRIBUTES)
    row = conn.execute(f"SELECT {cols} FROM pg_roles WHERE rolname = 'postgres'").fetchone()
    found = dict(zip(HOSTED_ATTRIBUTES, row, strict=True)) if row else None
    if found != HOSTED_ATTRIBUTES:
        pytest.fail(f"role postgres of {STANDIN_ADMIN_URL} is {found}, not Supabase's "
                    f"{HOSTED_ATTRIBUTES}: the harness needs a cluster of its own", pytrace=False)


def deploy_as_postgres(url: str) -> None:
    from onemedi_db.engine.config import find_project, resolve_target
    from onemedi_db.engine.plan import parse_plan
    from onemedi_db.engine.runner import Engine, connect

    project = find_project(ROOT)
    conn = connect(resolve_target(project, url))
    try:
        engine = Engine(project, parse_plan(project.plan_file, project.top_dir), conn)
        with engine.locked(60):
            engine.deploy()
    finally:
        conn.close()


def install_helpers(url: str) -> None:
    """Run 000_test_helpers.sql as `postgres`: it installs schema tests and checks it."""
    text = HELPERS.read_text(encoding="utf-8")
    cut = text.index("\nBEGIN;\n")  # one query string would make BEGIN take in the install
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute(text[:cut].encode("utf-8"), prepare=False)
        cur.execute(text[cut:].encode("utf-8"), prepare=False)
        lines: list[str] = []
        while True:
            if cur.description:
                lines += [str(r[0]) for r in cur.fetchall()]
            if not cur.nextset():
                break
    failed = [ln for ln in lines if ln.startswith("not ok")]
    if failed or not any(ln.startswith("1..") for ln in lines):
        pytest.fail(f"{HELPERS.name} failed on {url}: {failed or lines}", pytrace=False)


def platform_event_triggers(conn: psycopg.Connection[Any]) -> None:
    """What supautils lets hosted Supabase's `postgres` do and PostgreSQL lets only a
    superuser: event triggers. As the cluster's superuser: install the audit DDL guard the
    plan's deploy could not (it said so in a NOTICE), and give the test helpers that drop
    and reinstall it to that superuser, so tests run as `postgres` can use them."""
    conn.execute("SELECT private.install_audit_ddl_guard()")
    for helper in ("tests.drop_audit_ddl_guard()", "tests.install_audit_ddl_guard()"):
        conn.execute(f"ALTER FUNCTION {helper} OWNER TO CURRENT_USER")
        conn.execute(f"GRANT EXECUTE ON FUNCTION {helper} TO postgres")


class ModeDatabases:
    """One database per stand-in mode, made on first use: stand-in, plan, pgTAP, helpers."""

    def __init__(self) -> None:
        self.urls: dict[str, str] = {}
        self.names: list[str] = []
        self.failed: dict[str, str] = {}

    def __call__(self, mode: str) -> str:
        if mode not in self.urls:
            if mode not in self.failed:  # build it once; a failure fails each of its tests
                try:
                    self.urls[mode] = self._build(mode)
                except Exception as exc:  # psycopg's or the engine's: one line per test
                    self.failed[mode] = f"could not build the {mode} database: {exc}"
            if mode in self.failed:
                pytest.fail(self.failed[mode], pytrace=False)
        return self.urls[mode]

    def _build(self, mode: str) -> str:
        from onemedi_db.supabase import standin

        name = f"om_{mode.replace('-', '')}_{uuid.uuid4().hex[:10]}"
        with admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.names.append(name)
        with psycopg.connect(url_as("supabase_admin", name), autocommit=True) as conn:
            standin.install(conn, mode)
            check_deployer(conn)
        url = url_as("postgres", name)
        deploy_as_postgres(url)
        with psycopg.connect(url_as("supabase_admin", name), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pgtap WITH SCHEMA extensions")
        install_helpers(url)
        with psycopg.connect(url_as("supabase_admin", name), autocommit=True) as conn:
            platform_event_triggers(conn)
        return url

    def drop_all(self) -> None:
        if not self.names:
            return
        with admin() as conn:
            for name in self.names:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                             .format(sql.Identifier(name)))


def mode_databases() -> Iterator[Callable[[str], str]]:
    """Session fixture body: the factory, and every database it made dropped at the end."""
    dbs = ModeDatabases()
    yield dbs
    dbs.drop_all()


class ScratchDatabases:
    """Fresh databases on the harness's cluster with only the stand-in installed; dropped at
    the end. For tests that change what they deploy (revert, remove)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def __call__(self, mode: str) -> str:
        from onemedi_db.supabase import standin

        name = f"om_scratch_{uuid.uuid4().hex[:10]}"
        with admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.names.append(name)
        with psycopg.connect(url_as("supabase_admin", name), autocommit=True) as conn:
            standin.install(conn, mode)
        return name

    def drop_all(self) -> None:
        if self.names:
            with admin() as conn:
                for name in self.names:
                    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                                 .format(sql.Identifier(name)))
