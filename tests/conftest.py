"""Shared fixtures: real PostgreSQL databases, created fresh and dropped afterwards.

The server is the one on this machine (or $ONEMEDI_TEST_ADMIN_URL). A server that cannot be
reached fails the run: pytest-pgtap's own fixture would skip silently, so it is overridden.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import psycopg
import pytest
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("SQITCH_FULLNAME", "onemedi-db tests")
os.environ.setdefault("SQITCH_EMAIL", "tests@onemedi.in")


# -- the server the tests use -----------------------------------------------------------------
# By default libpq's own: the Unix socket, $PGPORT (else 5432) and a role named after the
# current user, which is what peer authentication admits on a stock Debian or Ubuntu (`make`
# creates that role). ONEMEDI_TEST_ADMIN_URL (a superuser's postgresql:// URL) overrides it.
ADMIN_URL = os.environ.get("ONEMEDI_TEST_ADMIN_URL", "postgresql:///postgres")


def db_url(name: str) -> str:
    """ADMIN_URL with its database replaced by `name` (host, port, user, options kept)."""
    parts = urlsplit(ADMIN_URL)
    assert parts.scheme in ("postgresql", "postgres"), "ONEMEDI_TEST_ADMIN_URL must be a URL"
    return f"{parts.scheme}://{parts.netloc}/{quote(name)}" + (
        f"?{parts.query}" if parts.query else "")
# -- end of the server the tests use ------------------------------------------------------------


def _admin() -> psycopg.Connection[Any]:
    try:
        return psycopg.connect(ADMIN_URL, autocommit=True)
    except psycopg.OperationalError as exc:  # a failure, never a skip
        pytest.fail(f"cannot reach PostgreSQL at {ADMIN_URL}: {exc}", pytrace=False)


@pytest.fixture(scope="session")
def make_db() -> Iterator[Callable[[str], str]]:
    """Factory: a fresh empty database per call, returned as a URL; all dropped at the end."""
    created: list[str] = []

    def factory(prefix: str = "t") -> str:
        name = f"om_{prefix}_{uuid.uuid4().hex[:10]}"
        with _admin() as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return db_url(name)

    yield factory
    with _admin() as admin:
        for name in created:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture
def fresh_db(make_db: Callable[[str], str]) -> str:
    return make_db("t")


def deployed_db(make_db: Callable[[str], str], prefix: str) -> str:
    """A new database with the whole plan deployed (plain stand-in first) and pgTAP."""
    from onemedi_db.engine.config import find_project, resolve_target
    from onemedi_db.engine.plan import parse_plan
    from onemedi_db.engine.runner import Engine, connect
    from onemedi_db.supabase import standin

    url = make_db(prefix)
    project = find_project(ROOT)
    plan = parse_plan(project.plan_file, project.top_dir)
    conn = connect(resolve_target(project, url))
    engine = Engine(project, plan, conn)
    with engine.locked(60):
        standin.install(conn, "plain")
        engine.deploy()
    conn.execute("CREATE EXTENSION IF NOT EXISTS pgtap WITH SCHEMA extensions")
    conn.close()
    return url


@pytest.fixture(scope="session")
def schema_db(make_db: Callable[[str], str]) -> str:
    """The deployed schema, for tests that leave no committed rows (pgTAP, docs, tools)."""
    return deployed_db(make_db, "schema")


@pytest.fixture(scope="session")
def rules_db(make_db: Callable[[str], str]) -> str:
    """A second deployed schema for tests that commit rows (concurrency races)."""
    return deployed_db(make_db, "rules")


@pytest.fixture(scope="session")
def pgtap_connection(schema_db: str) -> Iterator[psycopg.Connection[Any]]:
    """pytest-pgtap's connection, to the deployed schema; unreachable means failed."""
    try:
        conn = psycopg.connect(schema_db)
    except psycopg.OperationalError as exc:
        pytest.fail(f"cannot connect to the pgTAP database {schema_db}: {exc}", pytrace=False)
    with conn:
        yield conn


# -- The pgTAP suites, once per Supabase stand-in mode (tests/standin_support.py) ----------
# Every tests/pgtap/test*.sql is collected once per mode of ONEMEDI_STANDIN_MODES, as
# `test_x.sql::test_x.sql[MODE]`, and run as the NOSUPERUSER `postgres` against that mode's
# database on the harness's own cluster; each assertion is reported as pytest-pgtap does.
from pytest_pgtap.pgtap import Runner  # noqa: E402
from pytest_pgtap.plugin.core import report_tap  # noqa: E402
from pytest_pgtap.plugin.sql_files import PgTapItem  # noqa: E402

from standin_support import mode_databases, selected_modes  # noqa: E402


class PgTapModeItem(PgTapItem):
    """One pgTAP file in one stand-in mode."""

    def __init__(self, *, mode: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mode = mode

    def runtest(self) -> None:
        runner = self._request.getfixturevalue("standin_pgtap_runner")(self.mode)
        report_tap(self, runner.run(self.path.read_text()), f"{self.path.name}[{self.mode}]")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    files = [i for i in items if type(i) is PgTapItem]
    if not files:
        return
    modes = selected_modes()
    per_mode = []
    for mode in modes:  # mode by mode, so each mode's database is built once, then used
        for item in files:
            new = PgTapModeItem.from_parent(item.parent, name=f"{item.name}[{mode}]", mode=mode)
            for mark in item.own_markers:
                new.add_marker(mark)
            per_mode.append(new)
    first = items.index(files[0])
    rest = [i for i in items if type(i) is not PgTapItem]
    items[:] = rest[:first] + per_mode + rest[first:]


@pytest.fixture(scope="session")
def standin_db() -> Iterator[Callable[[str], str]]:
    """Factory: mode -> URL (as `postgres`) of that mode's database, built on first use."""
    yield from mode_databases()


@pytest.fixture(scope="session")
def standin_pgtap_runner(standin_db: Callable[[str], str]) -> Iterator[Callable[[str], Runner]]:
    """Factory: mode -> a pytest-pgtap runner connected as `postgres` to that mode's database."""
    runners: dict[str, Runner] = {}

    def runner(mode: str) -> Runner:
        if mode not in runners:
            runners[mode] = Runner(psycopg.connect(standin_db(mode)))
        return runners[mode]

    yield runner
    for r in runners.values():
        r.close()
