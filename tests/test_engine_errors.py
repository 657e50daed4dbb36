"""Every bad input: the documented exit code, a clear message on stderr, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import engine_support
from engine_support import (
    Project,
    cli,
    deployed,
    events,
    has_registry,
    query,
    registry,
    scalar,
    schema_dump,
    table_exists,
    without_plan_line,
)

# The fixtures from engine_support (a fresh database with the stand-in already installed).
db, new_db = engine_support.db, engine_support.new_db

STATE_TABLES = ("releases", "projects", "changes", "tags", "dependencies")
BROKEN = """BEGIN;
CREATE TABLE broken (id int);
INSERT INTO broken VALUES (1);
INSERT INTO broken
    SELECT no_such_column FROM broken;
COMMIT;
"""


@pytest.fixture
def simple(tmp_path: Path) -> Project:
    """first, second [first], @t1, third."""
    p = Project(tmp_path / "simple")
    p.add("first")
    p.add("second", deps=["first"])
    p.tag("t1")
    p.add("third")
    return p


@pytest.fixture
def failing(tmp_path: Path) -> Project:
    """first, @t1, second, third, broken (fails on line 5 of its deploy script)."""
    p = Project(tmp_path / "failing")
    p.add("first")
    p.tag("t1")
    p.add("second")
    p.add("third", deps=["second"])
    p.add("broken", deploy=BROKEN)
    return p


def error_of(proc: subprocess.CompletedProcess[str]) -> str:
    err = without_plan_line(proc.stderr)
    assert err.startswith("onemedi-db: error: "), proc.stderr
    return err


# -- target and plan -------------------------------------------------------------------------
def test_unreachable_server(simple: Project) -> None:
    proc = cli(simple, "deploy", url="postgresql://postgres@127.0.0.1:1/nowhere", check=3)
    assert "cannot connect" in error_of(proc)


def test_missing_database(simple: Project, db: str) -> None:
    missing = db.rsplit("/", 1)[0] + "/om_no_such_database_here"
    for command in (["deploy"], ["status"], ["revert", "-y"], ["verify"], ["log"]):
        proc = cli(simple, *command, url=missing, check=3)
        assert "om_no_such_database_here" in error_of(proc)
    assert not scalar(db, "SELECT count(*) FROM pg_database"
                      " WHERE datname = 'om_no_such_database_here'")


@pytest.mark.parametrize(("spec", "words"), [
    ("nope", ["unknown change", "nope"]),
    ("@nope", ["unknown tag", "@nope"]),
    ("second@nope", ["unknown tag", "@nope"]),
])
def test_unknown_to(simple: Project, db: str, spec: str, words: list[str]) -> None:
    for command in (["deploy"], ["revert", "-y"]):
        proc = cli(simple, *command, "--to", spec, url=db, check=4)
        for word in words:
            assert word in error_of(proc)
    assert deployed(db) == []


def test_plan_does_not_parse(simple: Project, db: str) -> None:
    text = simple.plan_path.read_text().splitlines()
    text.insert(5, "this is not a plan line")
    simple.plan_path.write_text("\n".join(text) + "\n")
    for command in (["deploy"], ["status"], ["plan"]):
        proc = cli(simple, *command, url=None if command == ["plan"] else db, check=4)
        assert f"{simple.plan_path}:6" in error_of(proc)
        assert "this is not a plan line" in proc.stderr
    assert not has_registry(db)


def test_dependency_not_in_plan(tmp_path: Path, db: str) -> None:
    p = Project(tmp_path / "p")
    p.add("first")
    p.add("second", deps=["ghost"])
    proc = cli(p, "deploy", url=db, check=4)
    assert "second" in error_of(proc) and "ghost" in proc.stderr
    assert "not in the plan" in proc.stderr
    assert f"{p.plan_path}:5" in proc.stderr
    assert not has_registry(db)


def test_dependency_later_in_plan(tmp_path: Path, db: str) -> None:
    p = Project(tmp_path / "p")
    p.add("first", deps=["second"])
    p.add("second")
    proc = cli(p, "deploy", url=db, check=4)
    assert "later in the plan" in error_of(proc)
    assert not has_registry(db)


def test_missing_script_file(simple: Project, db: str) -> None:
    cli(simple, "deploy", "--to", "first", url=db)
    missing = simple.root / "sql" / "deploy" / "third.sql"
    missing.unlink()
    proc = cli(simple, "deploy", url=db, check=4)
    assert str(missing) in error_of(proc)
    assert deployed(db) == ["first"]  # checked before anything was deployed
    assert not table_exists(db, "second")


def test_transaction_control_in_the_middle(simple: Project, db: str) -> None:
    simple.write("deploy", "third", "BEGIN;\nCREATE TABLE third (id int);\nCOMMIT;\n"
                 "BEGIN;\nCREATE TABLE third_b (id int);\nCOMMIT;\n")
    proc = cli(simple, "deploy", url=db, check=4)
    assert "third.sql:3" in error_of(proc) and "transaction" in proc.stderr
    simple.write("deploy", "third", "BEGIN;\nCREATE TABLE third (id int);\n"
                 "SAVEPOINT s1;\nCOMMIT;\n")
    proc = cli(simple, "deploy", url=db, check=4)
    assert "third.sql:3" in error_of(proc) and "SAVEPOINT" in proc.stderr
    assert deployed(db) == []
    assert not table_exists(db, "first")


def test_create_index_concurrently(simple: Project, db: str) -> None:
    simple.add("idx", deploy="CREATE INDEX CONCURRENTLY third_idx ON third (id);\n",
               revert="DROP INDEX CONCURRENTLY third_idx;\n",
               verify="SELECT 'third_idx'::regclass;\n")
    proc = cli(simple, "deploy", url=db, check=4)
    assert "idx.sql:1" in error_of(proc)
    assert "-- onemedi:no-transaction" in proc.stderr
    assert deployed(db) == []

    marker = "-- onemedi:no-transaction\n"
    simple.write("deploy", "idx", marker + "CREATE INDEX CONCURRENTLY third_idx ON third (id);\n")
    simple.write("revert", "idx", marker + "DROP INDEX CONCURRENTLY third_idx;\n")
    out = cli(simple, "deploy", url=db).stdout
    assert "+ idx" in out
    assert deployed(db) == ["first", "second", "third", "idx"]
    assert table_exists(db, "third_idx")
    assert scalar(db, "SELECT indisvalid FROM pg_index"
                  " WHERE indexrelid = 'third_idx'::regclass")
    cli(simple, "verify", url=db)
    cli(simple, "revert", "-y", "--to", "third", url=db)
    assert not table_exists(db, "third_idx")
    assert deployed(db) == ["first", "second", "third"]


# -- registry ----------------------------------------------------------------------------------
def test_registry_from_a_newer_version(simple: Project, db: str) -> None:
    cli(simple, "deploy", "--to", "first", url=db)
    query(db, "UPDATE sqitch.releases SET version = 9.9")
    for command in (["deploy"], ["status"], ["revert", "-y"]):
        proc = cli(simple, *command, url=db, check=7)
        assert "9.9" in error_of(proc)
    assert deployed(db) == ["first"]
    assert table_exists(db, "first") and not table_exists(db, "second")


def test_registry_holds_a_change_the_plan_lacks(tmp_path: Path, db: str) -> None:
    p = Project(tmp_path / "p")
    p.add("first")
    p.add("gone")
    cli(p, "deploy", url=db)
    p.lines.pop()
    p.add("other")
    for command in (["deploy"], ["status"]):
        proc = cli(p, *command, url=db, check=7)
        assert "gone" in error_of(proc) and "not in the plan" in proc.stderr
        assert "revert --to first" in proc.stderr  # and what to do about it
    assert "# Name:     gone" in proc.stdout  # status shows the state, then the problem
    assert deployed(db) == ["first", "gone"]
    assert table_exists(db, "gone") and not table_exists(db, "other")
    # revert works from the registry's record, with the script where the plan kept it
    assert "- gone" in cli(p, "revert", "-y", "--to", "first", url=db).stdout
    assert not table_exists(db, "gone")
    cli(p, "deploy", url=db)
    assert deployed(db) == ["first", "other"]


# -- failing scripts -------------------------------------------------------------------------
def test_failing_script_mode_all_restores_everything(failing: Project, db: str) -> None:
    cli(failing, "deploy", "--to", "first", url=db)
    before_dump, before_registry = schema_dump(db), registry(db, STATE_TABLES)
    proc = cli(failing, "deploy", url=db, check=5)
    err = error_of(proc)
    assert "broken" in err
    assert "broken.sql:5" in err  # the line of `SELECT no_such_column`
    assert 'column "no_such_column" does not exist' in err
    assert "INSERT INTO broken" in err
    assert schema_dump(db) == before_dump
    assert registry(db, STATE_TABLES) == before_registry
    assert events(db) == [("deploy", "first"), ("deploy", "second"), ("deploy", "third"),
                                ("fail", "broken"), ("revert", "third"), ("revert", "second")]
    # Fixed, it deploys.
    failing.write("deploy", "broken", BROKEN.replace("no_such_column", "id + 1"))
    cli(failing, "deploy", url=db)
    assert deployed(db) == ["first", "second", "third", "broken"]
    assert scalar(db, "SELECT count(*) FROM broken") == 2


def test_failing_script_mode_change_keeps_earlier(failing: Project, db: str) -> None:
    proc = cli(failing, "deploy", "--mode", "change", url=db, check=5)
    assert "broken.sql:5" in error_of(proc)
    assert deployed(db) == ["first", "second", "third"]
    assert table_exists(db, "third") and not table_exists(db, "broken")
    assert events(db)[-1] == ("fail", "broken")


def test_failing_script_mode_tag_back_to_last_tag(failing: Project, db: str) -> None:
    proc = cli(failing, "deploy", "--mode", "tag", url=db, check=5)
    assert "broken.sql:5" in error_of(proc)
    assert deployed(db) == ["first"]
    assert table_exists(db, "first")
    for name in ("second", "third", "broken"):
        assert not table_exists(db, name)
    assert [r[0] for r in query(db, "SELECT tag FROM sqitch.tags")] == ["@t1"]
    assert events(db)[-3:] == [("fail", "broken"), ("revert", "third"),
                                     ("revert", "second")]


def test_unknown_mode(failing: Project, db: str) -> None:
    proc = cli(failing, "deploy", "--mode", "sometimes", url=db, check=2)
    assert "sometimes" in error_of(proc)
    assert not has_registry(db)


def test_failing_verify_with_verify_flag(simple: Project, db: str) -> None:
    simple.write("verify", "second", "BEGIN;\nSELECT 1 / count(*) FROM second;\nROLLBACK;\n")
    proc = cli(simple, "deploy", "--verify", "--mode", "change", url=db, check=8)
    err = error_of(proc)
    assert "second" in err and "division by zero" in err and "verify" in err
    assert deployed(db) == ["first"]
    assert not table_exists(db, "second")
    assert ("deploy", "second") not in events(db)
    # Without --verify the same change deploys; `verify` then reports it (exit 8).
    cli(simple, "deploy", url=db)
    proc = cli(simple, "verify", url=db, check=8)
    assert "division by zero" in proc.stderr
    simple.write("verify", "second", "BEGIN;\nSELECT id FROM second;\nROLLBACK;\n")
    cli(simple, "verify", url=db)


def test_verify_flag_passing_deploys(simple: Project, db: str) -> None:
    cli(simple, "deploy", "--verify", url=db)
    assert deployed(db) == ["first", "second", "third"]


# -- revert ------------------------------------------------------------------------------------
def test_revert_needs_yes_without_a_terminal(simple: Project, db: str) -> None:
    cli(simple, "deploy", url=db)
    before = registry(db)
    proc = cli(simple, "revert", url=db, check=11)
    assert "-y" in proc.stderr and "nothing was changed" in error_of(proc)
    proc = cli(simple, "revert", "--to", "first", url=db, check=11,
               stdin=subprocess.PIPE)
    assert registry(db) == before
    assert table_exists(db, "third")


def test_revert_to_undeployed_change(simple: Project, db: str) -> None:
    cli(simple, "deploy", "--to", "first", url=db)
    proc = cli(simple, "revert", "-y", "--to", "third", url=db, check=4)
    assert "third" in error_of(proc)
    assert deployed(db) == ["first"]


def test_deploy_to_already_passed_change(simple: Project, db: str) -> None:
    cli(simple, "deploy", url=db)
    proc = cli(simple, "deploy", "--to", "first", url=db, check=4)
    assert "revert" in error_of(proc)
    assert deployed(db) == ["first", "second", "third"]
