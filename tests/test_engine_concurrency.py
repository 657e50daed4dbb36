"""Two deploys at once (ours twice, ours and sqitch) and the advisory lock's timeout."""

from __future__ import annotations

import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

import engine_support
from engine_support import (
    LineReader,
    Project,
    cli,
    cli_popen,
    deployed,
    env,
    events,
    registry,
    scalar,
    sqitch_cmd,
    table_exists,
    without_plan_line,
)

# The fixtures from engine_support (a fresh database with the stand-in already installed).
db, new_db = engine_support.db, engine_support.new_db

LOCK = 75474063
N = 15
NAMES = [f"c{n}" for n in range(N)]


def slow_project(root: Path) -> Project:
    p = Project(root)
    for n in range(N):
        p.add(f"c{n}", deploy=f"BEGIN;\nCREATE TABLE c{n} (id int);\nSELECT pg_sleep(0.01);\n"
              f"INSERT INTO c{n} VALUES ({n});\nCOMMIT;\n")
    return p


@contextmanager
def holding_lock(url: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (LOCK,))
        yield conn


def wait_for_blocked_backend(url: str) -> None:
    """Wait until some session waits on the advisory lock (sqitch blocks in pg_advisory_lock)."""
    for _ in range(1200):
        if scalar(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                  " AND objid = %s AND NOT granted", (LOCK,)):
            return
        time.sleep(0.05)
    raise AssertionError("sqitch never waited for the lock")


def finish_sqitch(proc: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out + err


def start_sqitch(project: Project, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(sqitch_cmd(project, "deploy", url=url), env=env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True)


def assert_deployed_once(url: str) -> None:
    assert deployed(url) == NAMES
    counts = Counter(change for event, change in events(url) if event == "deploy")
    assert counts == Counter(NAMES)
    assert all(event == "deploy" for event, _ in events(url))
    for n in range(N):
        assert scalar(url, f"SELECT array_agg(id) FROM c{n}") == [n]


@pytest.mark.parametrize("pre_deployed", [False, True])
def test_two_of_ours_at_once(tmp_path: Path, fresh_db: str, pre_deployed: bool) -> None:
    project = slow_project(tmp_path / "p")
    if pre_deployed:
        cli(project, "deploy", "--to", "c0", url=fresh_db)
    with holding_lock(fresh_db):
        readers = [LineReader(cli_popen(project, "deploy", url=fresh_db)) for _ in range(2)]
        for reader in readers:
            reader.wait_for("Waiting for another deploy")
    outputs = [reader.rest() for reader in readers]
    assert [reader.proc.returncode for reader in readers] == [0, 0], outputs
    assert sum(out.count("  + c") for out in outputs) == N - pre_deployed
    assert sum("Nothing to deploy" in out for out in outputs) == 1
    assert_deployed_once(fresh_db)


def test_ours_and_sqitch_both_waiting(tmp_path: Path, db: str) -> None:
    project = slow_project(tmp_path / "p")
    with holding_lock(db):
        ours = LineReader(cli_popen(project, "deploy", url=db))
        ours.wait_for("Waiting for another deploy")
        theirs = start_sqitch(project, db)
        wait_for_blocked_backend(db)
    out_ours = ours.rest()
    rc_theirs, out_theirs = finish_sqitch(theirs)
    assert (ours.proc.returncode, rc_theirs) == (0, 0), (out_ours, out_theirs)
    assert ("Nothing to deploy" in out_ours) != ("Nothing to deploy" in out_theirs)
    assert_deployed_once(db)


def test_sqitch_starts_while_ours_deploys(tmp_path: Path, db: str) -> None:
    project = slow_project(tmp_path / "p")
    cli(project, "deploy", "--to", "c0", url=db)
    ours = LineReader(cli_popen(project, "deploy", url=db))
    ours.wait_for("+ c2")
    theirs = start_sqitch(project, db)
    out_ours = ours.rest()
    rc_theirs, out_theirs = finish_sqitch(theirs)
    assert (ours.proc.returncode, rc_theirs) == (0, 0), (out_ours, out_theirs)
    assert "  + c1" in out_ours
    assert "Nothing to deploy (up-to-date)" in out_theirs
    assert_deployed_once(db)


def test_lock_timeout(tmp_path: Path, db: str) -> None:
    project = slow_project(tmp_path / "p")
    cli(project, "deploy", "--to", "c1", url=db)
    before = registry(db)
    with holding_lock(db) as holder:
        pid = holder.info.backend_pid
        for command in (["deploy"], ["revert", "-y"]):
            proc = cli(project, *command, "--lock-timeout", "1", url=db, check=6)
            assert without_plan_line(proc.stderr).startswith("onemedi-db: error: ")
            assert "holds the lock" in proc.stderr and f"pid {pid}" in proc.stderr
    assert registry(db) == before
    assert table_exists(db, "c1") and not table_exists(db, "c2")
    # Released, the same command goes through.
    cli(project, "deploy", "--lock-timeout", "1", url=db)
    assert deployed(db) == NAMES
