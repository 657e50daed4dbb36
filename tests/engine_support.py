"""Helpers for the engine tests: throwaway sqitch projects, the CLI and sqitch as subprocesses.

Every test builds its own project in `tmp_path` and deploys it to its own fresh database, so
the tests share nothing but the PostgreSQL server.
"""

from __future__ import annotations

import hashlib
import os
import select
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from conftest import ADMIN_URL, db_url

SQITCH_CONF = "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = sql\n"
PLANNER = "Test Planner <planner@example.com>"
FULLNAME = "Engine Tester"
EMAIL = "engine@example.com"


def env(**extra: str) -> dict[str, str]:
    """The environment for every subprocess: a fixed committer, unbuffered output."""
    out = dict(os.environ)
    out.pop("DATABASE_URL", None)
    out.update(SQITCH_FULLNAME=FULLNAME, SQITCH_EMAIL=EMAIL, PYTHONUNBUFFERED="1")
    out.update(extra)
    return out


def stamp(i: int) -> str:
    """A distinct, valid plan timestamp for the i-th plan line."""
    return f"2024-01-01T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z"


@dataclass
class Project:
    """A small sqitch project on disk: sqitch.conf, sqitch.plan and sql/{deploy,revert,verify}."""

    root: Path
    name: str = "demo"
    lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        for kind in ("deploy", "revert", "verify"):
            (self.root / "sql" / kind).mkdir(parents=True, exist_ok=True)
        (self.root / "sqitch.conf").write_text(SQITCH_CONF)
        self.write_plan()

    # -- plan -----------------------------------------------------------------------------
    @property
    def plan_path(self) -> Path:
        return self.root / "sqitch.plan"

    def write_plan(self) -> None:
        header = f"%syntax-version=1.0.0\n%project={self.name}\n\n"
        self.plan_path.write_text(header + "".join(line + "\n" for line in self.lines))

    def add(
        self, name: str, deploy: str | None = None, revert: str | None = None,
        verify: str | None = None, deps: Sequence[str] = (), note: str = "",
        scripts: bool = True,
    ) -> None:
        """Plan a change; default scripts create/drop table `name` and check it exists."""
        dep = f" [{' '.join(deps)}]" if deps else ""
        tail = f" # {note}" if note else ""
        self.lines.append(f"{name}{dep} {stamp(len(self.lines))} {PLANNER}{tail}")
        self.write_plan()
        if scripts:
            self.scripts(name, deploy, revert, verify)

    def tag(self, name: str, note: str = "") -> None:
        tail = f" # {note}" if note else ""
        self.lines.append(f"@{name} {stamp(len(self.lines))} {PLANNER}{tail}")
        self.write_plan()

    def scripts(
        self, name: str, deploy: str | None = None, revert: str | None = None,
        verify: str | None = None,
    ) -> None:
        table = name.replace("@", "_").replace("-", "_")
        self.write("deploy", name, deploy if deploy is not None else
                   f"BEGIN;\nCREATE TABLE {table} (id int PRIMARY KEY);\nCOMMIT;\n")
        self.write("revert", name, revert if revert is not None else
                   f"BEGIN;\nDROP TABLE {table};\nCOMMIT;\n")
        self.write("verify", name, verify if verify is not None else
                   f"BEGIN;\nSELECT id FROM {table} WHERE false;\nROLLBACK;\n")

    def write(self, kind: str, name: str, text: str) -> Path:
        path = self.root / "sql" / kind / f"{name}.sql"
        path.write_text(text)
        return path

    def script_sha1(self, name: str) -> str:
        return hashlib.sha1((self.root / "sql" / "deploy" / f"{name}.sql").read_bytes()).hexdigest()


# -- subprocesses ---------------------------------------------------------------------------
def cli(project: Project | Path, *args: str, url: str | None = None, check: int | None = 0,
        stdin: Any = subprocess.DEVNULL,
        extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `onemedi-db ARGS --target URL` in the project folder; assert the exit code."""
    root = project.root if isinstance(project, Project) else project
    cmd = [sys.executable, "-m", "onemedi_db", *args]
    if url is not None:
        cmd += ["--target", url]
    proc = subprocess.run(cmd, cwd=root, env=env(**(extra_env or {})), capture_output=True,
                          text=True, stdin=stdin, timeout=120)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    if check is not None:
        assert proc.returncode == check, (
            f"{args}: exit {proc.returncode}, expected {check}\n{proc.stdout}\n{proc.stderr}")
    return proc


def without_plan_line(stderr: str) -> str:
    """stderr without the line every command starts with, naming the plan it uses."""
    lines = stderr.splitlines(keepends=True)
    if lines and lines[0].startswith("onemedi-db: plan "):
        lines = lines[1:]
    return "".join(lines)


def cli_popen(project: Project, *args: str, url: str) -> subprocess.Popen[bytes]:
    """Start `onemedi-db ARGS --target URL` (binary pipes: read them with LineReader)."""
    return subprocess.Popen(
        [sys.executable, "-m", "onemedi_db", *args, "--target", url], cwd=project.root,
        env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )


def sqitch_uri(url: str) -> str:
    assert url.startswith("postgresql://")
    return "db:pg:" + url[len("postgresql:"):]


def sqitch_cmd(project: Project, *args: str, url: str | None = None) -> list[str]:
    return ["sqitch", "--chdir", str(project.root), *args, *([sqitch_uri(url)] if url else [])]


def sqitch(project: Project, *args: str, url: str | None = None, check: int | None = 0,
           extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real sqitch on the project (and target); assert the exit code."""
    proc = subprocess.run(sqitch_cmd(project, *args, url=url), env=env(**(extra_env or {})),
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    if check is not None:
        assert proc.returncode == check, (
            f"sqitch {args}: exit {proc.returncode}, expected {check}\n"
            f"{proc.stdout}\n{proc.stderr}")
    return proc


# -- database inspection ----------------------------------------------------------------------
def query(url: str, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(text, params)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


def scalar(url: str, text: str, params: Sequence[Any] = ()) -> Any:
    return query(url, text, params)[0][0]


def has_registry(url: str) -> bool:
    return bool(scalar(url, "SELECT to_regclass('sqitch.changes') IS NOT NULL"))


def deployed(url: str) -> list[str]:
    """Deployed change names, in deploy order."""
    if not has_registry(url):
        return []
    return [r[0] for r in query(
        url, "SELECT change FROM sqitch.changes ORDER BY committed_at, change_id")]


def events(url: str) -> list[tuple[str, str]]:
    if not has_registry(url):
        return []
    return [(r[0], r[1]) for r in query(
        url, "SELECT event, change FROM sqitch.events ORDER BY committed_at")]


def table_exists(url: str, name: str) -> bool:
    return bool(scalar(url, "SELECT to_regclass(%s) IS NOT NULL", (name,)))


_REGISTRY_QUERIES = {
    "releases": "SELECT version, installer_name, installer_email FROM sqitch.releases",
    "projects": "SELECT project, uri, creator_name, creator_email FROM sqitch.projects",
    "changes": "SELECT change_id, script_hash, change, project, note, committer_name,"
               " committer_email, planned_at, planner_name, planner_email FROM sqitch.changes"
               " ORDER BY change_id",
    "tags": "SELECT tag_id, tag, project, change_id, note, committer_name, committer_email,"
            " planned_at, planner_name, planner_email FROM sqitch.tags ORDER BY tag_id",
    "dependencies": "SELECT change_id, type, dependency, dependency_id FROM sqitch.dependencies"
                    " ORDER BY change_id, dependency",
    "events": "SELECT event, change_id, change, project, note, requires, conflicts, tags,"
              " committer_name, committer_email, planned_at, planner_name, planner_email"
              " FROM sqitch.events ORDER BY committed_at",
}


def registry(url: str, tables: Iterable[str] = tuple(_REGISTRY_QUERIES)) -> dict[str, list[Any]]:
    """The registry's rows without timestamps of the run (committed_at, installed_at...)."""
    return {t: query(url, _REGISTRY_QUERIES[t]) for t in tables}


def schema_dump(url: str) -> str:
    """`pg_dump --schema-only` without the sqitch registry."""
    proc = subprocess.run(
        ["pg_dump", "--schema-only", "--no-owner", "--exclude-schema=sqitch", "-d", url],
        capture_output=True, text=True, check=True, timeout=120,
    )
    # pg_dump 15.14+ brackets its output with \restrict/\unrestrict and a random key.
    return "\n".join(line for line in proc.stdout.splitlines()
                     if not line.startswith(("-- Dumped", "\\restrict", "\\unrestrict")))


def wait_for_no_clients(url: str, application: str = "onemedi-db") -> None:
    """Wait until no session of `application` is connected to the test's database."""
    dbname = url.rsplit("/", 1)[1]
    for _ in range(600):
        if not scalar(url, "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                      " AND application_name = %s AND pid <> pg_backend_pid()",
                      (dbname, application)):
            return
        time.sleep(0.05)
    raise AssertionError(f"sessions of {application} still connected to {dbname}")


class LineReader:
    """Lines of a child's stdout as they come (select() on the raw pipe, no hidden buffer)."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self.proc = proc
        self.fd = proc.stdout.fileno()
        self.buffer = b""
        self.text = ""
        self.eof = False

    def readline(self, timeout: float = 60) -> str | None:
        """The next line, or None at end of output; fails after `timeout` without output."""
        while b"\n" not in self.buffer:
            if self.eof:
                break
            ready, _, _ = select.select([self.fd], [], [], timeout)
            assert ready, f"no output from the child for {timeout} s: {self.text}"
            chunk = os.read(self.fd, 65536)
            if not chunk:
                self.eof = True
            self.buffer += chunk
        if not self.buffer:
            return None
        line, sep, self.buffer = self.buffer.partition(b"\n")
        decoded = line.decode() + sep.decode()
        self.text += decoded
        return decoded

    def wait_for(self, text: str) -> None:
        while True:
            line = self.readline()
            assert line is not None, f"output ended before {text!r}: {self.text}"
            if text in line:
                return

    def rest(self) -> str:
        """Wait for the child to end; everything it printed (stdout, then stderr)."""
        while self.readline() is not None:
            pass
        assert self.proc.stderr is not None
        err = self.proc.stderr.read().decode()
        self.proc.wait(timeout=120)
        self.proc.stdout.close()  # type: ignore[union-attr]
        self.proc.stderr.close()
        out = self.text + err
        assert "Traceback" not in out, out
        return out


# -- databases ------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def new_db() -> Iterator[Callable[[str], str]]:
    """Factory: a fresh database cloned from a template that already has the Supabase stand-in.

    The stand-in (roles, auth, storage, postgis) is what every deploy installs first on a bare
    PostgreSQL; installing it once instead of per test keeps the suite fast. Tests that need a
    truly empty database use conftest's `fresh_db`.
    """
    from onemedi_db.supabase import standin

    template = f"om_tmpl_{uuid.uuid4().hex[:10]}"
    created: list[str] = [template]
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(template)))
    with psycopg.connect(db_url(template), autocommit=True) as conn:
        standin.install(conn)

    def factory(prefix: str = "e") -> str:
        name = f"om_{prefix}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            # FILE_COPY: cheaper in all than WAL_LOG once the drop's checkpoint is counted.
            admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                sql.Identifier(name), sql.Identifier(template)))
        created.append(name)
        return db_url(name)

    yield factory
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        for name in reversed(created):
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))


@pytest.fixture
def db(new_db: Callable[[str], str]) -> str:
    """A fresh database with the stand-in already installed (see `new_db`)."""
    return new_db("e")
