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
    """A new database with the whole plan deployed (stand-in first) and pgTAP installed."""
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
        if standin.is_needed(conn):
            standin.install(conn)
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
