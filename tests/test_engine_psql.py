"""Scripts in psql's own language (`\\set`, `\\gexec`, `:'var'`, `:"var"`) run through psql as
sqitch runs them, with their registry rows in the change's transaction: same results and
registry as sqitch's, variables from sqitch.conf and --set, errors at the script's line, and
consistent after SIGKILL at random moments."""

from __future__ import annotations

import random
import signal
from collections.abc import Callable
from pathlib import Path

import engine_support
from engine_support import (
    SQITCH_CONF,
    LineReader,
    Project,
    cli,
    cli_popen,
    deployed,
    query,
    registry,
    scalar,
    sqitch,
    table_exists,
    wait_for_no_clients,
)

db, new_db = engine_support.db, engine_support.new_db

DEPLOY = """-- Deploy demo:tables (psql variables and \\gexec)
BEGIN;
\\set table_name psql_:suffix
CREATE TABLE :"table_name" (id int PRIMARY KEY, registry text NOT NULL DEFAULT :'registry');
SELECT format('CREATE INDEX %I ON %I (id)', :'table_name' || '_id', :'table_name') \\gexec
COMMIT;
"""
REVERT = "BEGIN;\n\\set table_name psql_:suffix\nDROP TABLE :\"table_name\";\nCOMMIT;\n"
VERIFY = ("BEGIN;\n\\set table_name psql_:suffix\n"
          "SELECT id, registry FROM :\"table_name\" WHERE false;\nROLLBACK;\n")


def psql_project(root: Path) -> Project:
    p = Project(root)
    p.add("plain")
    p.add("tables", deploy=DEPLOY, revert=REVERT, verify=VERIFY, deps=["plain"])
    (p.root / "sqitch.conf").write_text(SQITCH_CONF + '[deploy "variables"]\n\tsuffix = one\n')
    return p


def test_psql_scripts_as_sqitch_runs_them(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = psql_project(tmp_path / "p")
    cli(p, "deploy", "--verify", url=ours)
    sqitch(p, "deploy", "--verify", url=theirs)
    for url in (ours, theirs):
        assert table_exists(url, "psql_one") and table_exists(url, "psql_one_id")
        assert scalar(url, "SELECT column_default FROM information_schema.columns"
                      " WHERE table_name = 'psql_one' AND column_name = 'registry'") \
            == "'sqitch'::text"
    assert registry(ours) == registry(theirs)
    assert "Verify successful" in sqitch(p, "verify", url=ours).stdout
    cli(p, "verify", url=theirs)
    p.write("verify", "tables", VERIFY.replace("WHERE false", "WHERE :'suffix'::int = 1"))
    proc = cli(p, "verify", url=ours, check=8)
    assert "tables.sql:3" in proc.stderr and "invalid input syntax" in proc.stderr
    sqitch(p, "verify", url=theirs, check=2)
    p.write("verify", "tables", VERIFY)
    cli(p, "revert", "-y", "--to", "plain", url=theirs)
    sqitch(p, "revert", "-y", "--to", "plain", url=ours)
    assert not table_exists(ours, "psql_one") and not table_exists(theirs, "psql_one")
    assert registry(ours) == registry(theirs)
    # --set wins over sqitch.conf's variables, as sqitch's does
    cli(p, "deploy", "--set", "suffix=two", url=ours)
    sqitch(p, "deploy", "--set", "suffix=two", url=theirs)
    assert table_exists(ours, "psql_two") and table_exists(theirs, "psql_two")
    assert registry(ours) == registry(theirs)


def test_a_failing_psql_script_names_its_line_and_leaves_nothing(tmp_path: Path,
                                                                 db: str) -> None:
    p = psql_project(tmp_path / "p")
    p.write("deploy", "tables", DEPLOY.replace("COMMIT;", "SELECT :'suffix'::int;\nCOMMIT;"))
    proc = cli(p, "deploy", url=db, check=5)
    assert "tables: deploy tables.sql:6:" in proc.stderr
    assert 'invalid input syntax for type integer: "one"' in proc.stderr
    assert deployed(db) == []  # mode all: `plain` was reverted too
    assert not table_exists(db, "psql_one")  # the script's own work was rolled back with it
    assert [r[0] for r in query(db, "SELECT event FROM sqitch.events ORDER BY committed_at")] \
        == ["deploy", "fail", "revert"]


def test_transaction_control_inside_a_psql_script_is_refused(tmp_path: Path, db: str) -> None:
    p = psql_project(tmp_path / "p")
    p.write("deploy", "tables", DEPLOY.replace("\\set", "COMMIT;\nBEGIN;\n\\set"))
    proc = cli(p, "deploy", url=db, check=4)
    assert "tables.sql:3: transaction control (COMMIT)" in proc.stderr
    assert deployed(db) == []


# -- SIGKILL -----------------------------------------------------------------------------------
CHANGES = 12
KILLS = 16


def slow_psql_project(root: Path) -> Project:
    """12 psql changes: each sets a variable, creates and fills table tN, sleeps, indexes it."""
    p = Project(root)
    for n in range(CHANGES):
        deploy = (f"BEGIN;\n\\set t t{n}\nCREATE TABLE :\"t\" (id int PRIMARY KEY);\n"
                  f"INSERT INTO :\"t\" SELECT generate_series(1, 20);\nSELECT pg_sleep(0.03);\n"
                  f"SELECT format('CREATE INDEX %I ON %I (id)', :'t' || '_i', :'t') \\gexec\n"
                  "COMMIT;\n")
        p.add(f"c{n}", deploy=deploy, revert=f"BEGIN;\nDROP TABLE t{n};\nCOMMIT;\n",
              verify=f"BEGIN;\nSELECT id FROM t{n} WHERE false;\nROLLBACK;\n",
              deps=[f"c{n - 1}"] if n else [])
    return p


def consistent(url: str) -> int:
    """The registry says deployed exactly when the table and its index exist."""
    wait_for_no_clients(url)
    names = deployed(url)
    assert names == [f"c{n}" for n in range(len(names))], names
    for n in range(CHANGES):
        present = f"c{n}" in names
        assert table_exists(url, f"t{n}") == table_exists(url, f"t{n}_i") == present, n
    return len(names)


def test_sigkill_during_psql_changes(tmp_path: Path, db: str) -> None:
    rng = random.Random(20261126)
    p = slow_psql_project(tmp_path / "kill")
    interrupted = partial = 0
    for _ in range(KILLS):
        start = consistent(db)
        if start == CHANGES:
            cli(p, "revert", "-y", "--to", f"c{rng.randint(0, CHANGES // 2)}", url=db)
            start = consistent(db)
        reader = LineReader(cli_popen(p, "deploy", url=db))
        for _ in range(rng.randint(1, CHANGES - start + 1)):
            if reader.readline() is None:
                break
        engine_support.time.sleep(rng.uniform(0, 0.3))  # a change takes 0.1-0.2 s
        reader.proc.send_signal(signal.SIGKILL)
        reader.rest()
        interrupted += reader.proc.returncode == -signal.SIGKILL
        partial += start < consistent(db) < CHANGES
    # Most kills landed while the deploy ran, some of them after a change or more committed.
    assert interrupted >= KILLS // 2 and partial >= 2, (interrupted, partial)
    cli(p, "deploy", url=db)
    assert consistent(db) == CHANGES
