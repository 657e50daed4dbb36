"""SIGKILL at random moments: the registry says deployed exactly when the objects exist."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import engine_support
from engine_support import (
    LineReader,
    Project,
    cli,
    cli_popen,
    deployed,
    query,
    wait_for_no_clients,
)

# The fixtures from engine_support (a fresh database with the stand-in already installed).
db, new_db = engine_support.db, engine_support.new_db

CHANGES = 40
KILLS = 20
SEED = 20261125


def many_changes(root: Path) -> Project:
    """40 changes; change N creates table tN, fills it, indexes it; every 4th one is slow."""
    p = Project(root)
    for n in range(CHANGES):
        slow = "SELECT pg_sleep(0.01);\n" if n % 4 == 0 else ""
        deploy = (
            f"BEGIN;\nCREATE TABLE t{n} (id int PRIMARY KEY, label text NOT NULL);\n"
            f"INSERT INTO t{n} SELECT g, 'row ' || g FROM generate_series(1, 50) g;\n{slow}"
            f"CREATE INDEX t{n}_label ON t{n} (label);\n"
            f"COMMENT ON TABLE t{n} IS 'change {n}';\n{slow}COMMIT;\n"
        )
        p.add(f"c{n}", deploy=deploy, revert=f"BEGIN;\n{slow}DROP TABLE t{n};\nCOMMIT;\n",
              verify=f"BEGIN;\nSELECT id FROM t{n} WHERE false;\nROLLBACK;\n",
              deps=[f"c{n - 1}"] if n else [])
    return p


def assert_consistent(url: str) -> list[str]:
    """Every change: in sqitch.changes iff its table and index exist; deployed is a prefix."""
    wait_for_no_clients(url)
    names = deployed(url)
    assert names == [f"c{n}" for n in range(len(names))], names
    rows = query(url, "SELECT to_regclass('t' || n) IS NOT NULL,"
                 " to_regclass('t' || n || '_label') IS NOT NULL"
                 " FROM generate_series(0, %s) n ORDER BY n", (CHANGES - 1,))
    for n, (table, index) in enumerate(rows):
        present = f"c{n}" in names
        assert table == index == present, (n, table, index, names)
    return names


def kill_after(reader: LineReader, lines: int, pause: float) -> None:
    """Read `lines` lines of progress (or until the output ends), wait `pause`, SIGKILL."""
    for _ in range(lines):
        if reader.readline() is None:
            break
    time.sleep(pause)
    reader.proc.send_signal(signal.SIGKILL)
    reader.rest()


def test_sigkill_twenty_times(tmp_path: Path, db: str) -> None:
    rng = random.Random(SEED)
    project = many_changes(tmp_path / "kill")
    interrupted = partial = 0
    for _ in range(KILLS):
        start = len(assert_consistent(db))
        if start == CHANGES:  # all deployed: go back to a random point (sometimes the start)
            keep = rng.randint(-1, CHANGES // 2)
            cli(project, "revert", "-y", *(["--to", f"c{keep}"] if keep >= 0 else []), url=db)
            start = len(assert_consistent(db))
            assert start == keep + 1
        reader = LineReader(cli_popen(project, "deploy", url=db))
        # Progress lines: "Deploying ...", then one "  + cN" as each change starts.
        kill_after(reader, rng.randint(0, CHANGES - start + 1), rng.choice([0, 0, 0.002, 0.01]))
        interrupted += reader.proc.returncode == -signal.SIGKILL
        after = len(assert_consistent(db))
        partial += start < after < CHANGES
        # The next deploy (to a random later change, or to the end) finishes cleanly.
        to = rng.randint(after, CHANGES - 1) if after < CHANGES and rng.random() < 0.5 \
            else CHANGES - 1
        cli(project, "deploy", "--to", f"c{to}", url=db)
        assert len(assert_consistent(db)) == to + 1
    # Most kills landed while the deploy was running, several of them mid-plan.
    assert interrupted >= KILLS // 2 and partial >= 3, (interrupted, partial)
    cli(project, "deploy", url=db)
    cli(project, "verify", url=db)
    assert assert_consistent(db) == [f"c{n}" for n in range(CHANGES)]
