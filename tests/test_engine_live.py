"""The engine on a live database: a schema built another way, locks held by others, timeouts.

Issue 16's scenarios: a database built by `supabase db push` (the plan's scripts run without
a registry), DDL behind an open transaction, and the advisory lock's holder when several
databases have one.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
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
    events,
    has_registry,
    query,
    registry,
    schema_dump,
    sqitch,
    table_exists,
    without_plan_line,
)

db, new_db = engine_support.db, engine_support.new_db
ROOT = Path(__file__).resolve().parent.parent
LOCK = 75474063


def error_line(proc: subprocess.CompletedProcess[str]) -> str:
    err = without_plan_line(proc.stderr)
    assert err.startswith("onemedi-db: error: "), proc.stderr
    return err.splitlines()[0]


def hint_line(proc: subprocess.CompletedProcess[str]) -> str:
    hints = [ln for ln in proc.stderr.splitlines() if ln.startswith("onemedi-db: hint: ")]
    assert len(hints) == 1, proc.stderr
    return hints[0]


# -- a schema built without the registry (supabase db push) -----------------------------------
def pushed_project(root: Path) -> Project:
    """extensions (a no-op where pg_trgm exists), enums, names (a trigram index on pg_trgm)."""
    p = Project(root)
    p.add("extensions",
          deploy="BEGIN;\nCREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;\n"
                 "COMMIT;\n",
          revert="BEGIN;\nDROP EXTENSION IF EXISTS pg_trgm;\nCOMMIT;\n",
          verify="BEGIN;\nSELECT 1 / count(*) FROM pg_extension WHERE extname = 'pg_trgm';\n"
                 "ROLLBACK;\n")
    p.add("enums", deploy="BEGIN;\nCREATE TYPE public.colour AS ENUM ('red', 'blue');\nCOMMIT;\n",
          revert="BEGIN;\nDROP TYPE public.colour;\nCOMMIT;\n",
          verify="BEGIN;\nSELECT 'red'::public.colour;\nROLLBACK;\n")
    p.add("names", deps=["extensions", "enums"],
          deploy="BEGIN;\nCREATE TABLE public.names (name text, colour public.colour);\n"
                 "CREATE INDEX names_trgm ON public.names USING gin "
                 "(name extensions.gin_trgm_ops);\nCOMMIT;\n",
          revert="BEGIN;\nDROP TABLE public.names;\nCOMMIT;\n",
          verify="BEGIN;\nSELECT name, colour FROM public.names WHERE false;\nROLLBACK;\n")
    return p


def push(project: Project, url: str) -> None:
    """What `supabase db push` does with exported migrations: the scripts, no registry."""
    for line in project.lines:
        name = line.split()[0]
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f",
                        str(project.root / "sql" / "deploy" / f"{name}.sql")],
                       check=True, capture_output=True, timeout=60)


def test_deploy_refuses_a_schema_built_without_the_registry(tmp_path: Path, db: str) -> None:
    project = pushed_project(tmp_path / "p")
    push(project, db)
    query(db, "INSERT INTO public.names VALUES ('asha', 'red')")
    before = schema_dump(db)

    proc = cli(project, "deploy", url=db, check=7)
    error = error_line(proc)
    assert "already has the objects of 3 change(s) (extensions, enums, names" in error
    assert "nothing was changed" in error
    assert "deploy --log-only --verify --to names" in hint_line(proc)
    assert schema_dump(db) == before  # no revert of what it did not create, no registry
    assert not has_registry(db)
    assert query(db, "SELECT name FROM public.names") == [("asha",)]


def test_log_only_adopts_the_database_and_sqitch_agrees(tmp_path: Path, db: str) -> None:
    project = pushed_project(tmp_path / "p")
    push(project, db)
    before = schema_dump(db)
    out = cli(project, "deploy", "--log-only", "--verify", url=db).stdout
    assert "+ extensions (log only)" in out and "no script was run" in out
    assert schema_dump(db) == before
    assert deployed(db) == ["extensions", "enums", "names"]
    # The rows are sqitch's own: script hashes of the files, and sqitch sees nothing to do.
    hashes = dict(query(db, "SELECT change, script_hash FROM sqitch.changes"))
    assert hashes == {n: project.script_sha1(n) for n in ("extensions", "enums", "names")}
    assert "Nothing to deploy" in sqitch(project, "deploy", url=db).stdout
    # A new change deploys on top, alone.
    project.add("later", deps=["names"])
    assert "+ later" in cli(project, "deploy", url=db).stdout
    assert deployed(db) == ["extensions", "enums", "names", "later"]
    # sqitch's --log-only revert is ours too: the registry forgets, the objects stay.
    cli(project, "revert", "-y", "--log-only", "--to", "names", url=db)
    assert deployed(db) == ["extensions", "enums", "names"] and table_exists(db, "later")


def test_the_failing_changes_error_comes_first_when_the_rollback_fails(
    tmp_path: Path, db: str
) -> None:
    p = Project(tmp_path / "p")
    p.add("first", revert="BEGIN;\nDROP TABLE no_such_table;\nCOMMIT;\n")
    p.add("broken", deploy="BEGIN;\nSELECT no_such_column FROM first;\nCOMMIT;\n")
    proc = cli(p, "deploy", url=db, check=5)
    error = error_line(proc)
    assert "broken: deploy broken.sql:2" in error and "no_such_column" in error
    assert "no_such_table" not in error
    hint = hint_line(proc)
    assert "rolling back this run then stopped" in hint and "no_such_table" in hint
    assert "still deployed from this run: first" in hint
    assert deployed(db) == ["first"] and table_exists(db, "first")
    assert events(db) == [("deploy", "first"), ("fail", "broken")]


# -- DDL behind an open transaction ---------------------------------------------------------------
def locked_project(root: Path, url: str) -> Project:
    """base (table t, deployed), then fresh (a new table) and alter_t (ALTER TABLE t)."""
    p = Project(root)
    p.add("base", deploy="BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n",
          revert="BEGIN;\nDROP TABLE t;\nCOMMIT;\n",
          verify="BEGIN;\nSELECT id FROM t;\nROLLBACK;\n")
    cli(p, "deploy", url=url)
    p.add("fresh")
    p.add("alter_t", deploy="BEGIN;\nALTER TABLE t ADD COLUMN note text;\nCOMMIT;\n",
          revert="BEGIN;\nALTER TABLE t DROP COLUMN note;\nCOMMIT;\n",
          verify="BEGIN;\nSELECT note FROM t;\nROLLBACK;\n")
    return p


def reader_of_t(url: str) -> psycopg.Connection:
    """An open transaction that has read t: it holds ACCESS SHARE until it ends."""
    conn = psycopg.connect(url)
    conn.execute("SELECT * FROM t")
    return conn


def test_ddl_gives_up_after_its_retries_and_the_run_is_undone(tmp_path: Path, db: str) -> None:
    p = locked_project(tmp_path / "p", db)
    before = registry(db, ("changes", "tags", "dependencies"))
    reader = reader_of_t(db)
    try:
        proc = cli(p, "deploy", "--ddl-lock-timeout", "0.2", "--lock-retries", "2", url=db,
                   check=13)
    finally:
        reader.close()
    error = error_line(proc)
    assert "alter_t" in error and "lock timeout" in error and "(3 attempts)" in error
    assert "alter_t.sql:2: ALTER TABLE t ADD COLUMN note text" in error  # a retry names it
    assert "retry 1 of 2 in 1 s" in proc.stdout and "retry 2 of 2 in 2 s" in proc.stdout
    assert registry(db, ("changes", "tags", "dependencies")) == before
    assert not table_exists(db, "fresh")  # --mode all: the run's other change was reverted
    assert events(db)[-2:] == [("fail", "alter_t"), ("revert", "fresh")]
    # Nobody in the way: the same deploy goes through.
    cli(p, "deploy", "--ddl-lock-timeout", "0.2", url=db)
    assert deployed(db) == ["base", "fresh", "alter_t"]


def test_ddl_succeeds_on_a_retry_once_the_lock_is_released(tmp_path: Path, db: str) -> None:
    p = locked_project(tmp_path / "p", db)
    (p.root / "sqitch.conf").write_text(engine_support.SQITCH_CONF
                                        + "[deploy]\n\tlock_timeout = 300ms\n\tlock_retries = 5\n")
    reader = reader_of_t(db)
    try:
        out = LineReader(cli_popen(p, "deploy", url=db))
        out.wait_for("alter_t: lock timeout after 0.3 s; retry 1 of 5 in 1 s")
    finally:
        reader.close()  # released during the pause: the retry goes through
    rest = out.rest()
    assert out.proc.returncode == 0, rest
    assert "retry 2 of 5" not in rest and "Deployed 2 change(s)" in rest
    assert deployed(db) == ["base", "fresh", "alter_t"]


def test_statement_timeout_fails_the_change_cleanly(tmp_path: Path, db: str) -> None:
    p = Project(tmp_path / "p")
    p.add("first")
    p.add("slow", deploy="BEGIN;\nCREATE TABLE slow (id int);\nSELECT pg_sleep(30);\nCOMMIT;\n")
    proc = cli(p, "deploy", "--statement-timeout", "0.3", url=db, check=5)
    assert "slow" in error_line(proc) and "statement timeout" in error_line(proc)
    assert "--statement-timeout" in hint_line(proc)
    assert deployed(db) == [] and not table_exists(db, "slow") and not table_exists(db, "first")
    (p.root / "sqitch.conf").write_text(engine_support.SQITCH_CONF
                                        + "[deploy]\n\tstatement_timeout = 300ms\n")
    proc = cli(p, "deploy", "--mode", "change", url=db, check=5)
    assert "statement timeout" in error_line(proc)
    assert deployed(db) == ["first"]


@pytest.mark.parametrize("value", ["soon", "-1s"])
def test_a_bad_timeout_in_sqitch_conf_is_a_plan_error(tmp_path: Path, db: str,
                                                     value: str) -> None:
    p = Project(tmp_path / "p")
    p.add("first")
    (p.root / "sqitch.conf").write_text(engine_support.SQITCH_CONF
                                        + f"[deploy]\n\tlock_timeout = {value}\n")
    proc = cli(p, "deploy", url=db, check=4)
    assert "lock_timeout" in error_line(proc)
    assert deployed(db) == []


# -- who holds the advisory lock ------------------------------------------------------------------
def readme_lock_query() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- lock-holder -->\s*```sql\n(.*?)```", text, re.S)
    assert m, "README has no lock-holder query"
    return m[1]


def test_the_lock_holder_named_is_in_the_target_database(
    tmp_path: Path, new_db: Callable[[str], str]
) -> None:
    others = [new_db("o") for _ in range(3)]
    target = new_db("e")
    p = Project(tmp_path / "p")
    p.add("first")
    holders = []
    try:
        for url in [*others, target]:  # the other databases' holders come first in pg_locks
            conn = psycopg.connect(url, autocommit=True)
            conn.execute("SELECT pg_advisory_lock(%s)", (LOCK,))
            holders.append(conn)
        pids = [c.info.backend_pid for c in holders]
        proc = cli(p, "deploy", "--lock-timeout", "0.5", url=target, check=6)
        assert f"pid {pids[-1]} " in error_line(proc)
        assert not any(f"pid {pid} " in proc.stderr for pid in pids[:-1])
        doctor = cli(p, "doctor", url=target, check=None).stdout
        assert f"held by pid {pids[-1]} " in doctor
        assert f"pg_terminate_backend({pids[-1]})" in doctor
        assert [r[0] for r in query(target, readme_lock_query())] == [pids[-1]]
    finally:
        for conn in holders:
            conn.close()
    assert deployed(target) == []



def test_verify_scripts_that_check_nothing(
    tmp_path: Path, new_db: Callable[[str], str]
) -> None:
    """sqitch's verify template (comments only) and a constant `SELECT 1` check nothing: no
    refusal. A verify that passes anywhere and is not constant looks like an existing schema:
    refused, with the way out; once the project has a history in the registry, it is never
    asked again."""
    template = ("-- Verify demo:first on pg\n\nBEGIN;\n\n-- XXX Add verifications here.\n\n"
                "ROLLBACK;\n")
    p = Project(tmp_path / "p")
    p.add("first", verify=template)
    p.add("second", verify="BEGIN;\nSELECT 1;\nROLLBACK;\n")
    url = new_db("e")
    cli(p, "deploy", url=url)
    assert deployed(url) == ["first", "second"]

    q = Project(tmp_path / "q")
    q.add("second", verify="BEGIN;\nSELECT 1;\nROLLBACK;\n")
    url = new_db("e")
    cli(q, "deploy", url=url)
    r = Project(tmp_path / "r")
    r.add("anything", verify="BEGIN;\nSELECT count(*) FROM pg_catalog.pg_class;\nROLLBACK;\n")
    url = new_db("e")
    proc = cli(r, "deploy", url=url, check=7)
    assert "(anything: their verify scripts pass)" in error_line(proc)
    assert "--deploy-over-existing" in hint_line(proc)
    cli(r, "deploy", "--deploy-over-existing", url=url)
    cli(r, "revert", "-y", url=url)
    cli(r, "deploy", url=url)  # the registry has its history now
    assert deployed(url) == ["anything"]
