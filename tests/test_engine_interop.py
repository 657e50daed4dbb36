"""Interop with the real sqitch 1.3.1: same ids, same registry rows, each reads the other's work."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import engine_support
from engine_support import (
    Project,
    cli,
    deployed,
    events,
    query,
    registry,
    scalar,
    sqitch,
    table_exists,
)

# The fixtures from engine_support (a fresh database with the stand-in already installed).
db, new_db = engine_support.db, engine_support.new_db

FUNC_V1 = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
FUNC_V2 = "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2';"
# Deployed in this order; `a` is reworked after @v1, its first scripts live in a@v1.sql.
ORDER = ["a", "b", "c", "d", "a", "e"]


def rich_project(root: Path) -> Project:
    """Notes with escapes, requires, a conflict, same-project prefix, tags, a rework by hand."""
    p = Project(root)
    p.add("a", note=r"first\nline with \\ backslash and tab\there", scripts=False)
    p.add("b", deps=["a", "!c"])
    p.tag("v1", note=r"tag\nnote")
    p.add("c", deps=["demo:b", "a@v1"], note="0")
    p.add("d", deps=["c"], note=r"see #12, \\n stays literal, café ✓")
    p.add("a", deps=["a@v1", "d"], note="reworked", scripts=False)
    p.tag("v2")
    p.add("e", deps=["a"])
    # The first instance of `a` (scripts named a@v1.sql) creates f(); the rework redefines it.
    p.write("deploy", "a@v1", f"BEGIN;\n{FUNC_V1}\nCOMMIT;\n")
    p.write("revert", "a@v1", "BEGIN;\nDROP FUNCTION f();\nCOMMIT;\n")
    p.write("verify", "a@v1", "BEGIN;\nSELECT 'f()'::regprocedure;\nROLLBACK;\n")
    p.write("deploy", "a", f"BEGIN;\n{FUNC_V2}\nCOMMIT;\n")
    p.write("revert", "a", f"BEGIN;\n{FUNC_V2.replace('SELECT 2', 'SELECT 1')}\nCOMMIT;\n")
    p.write("verify", "a", "BEGIN;\nSELECT 1 / (f() - 1);\nROLLBACK;\n")
    return p


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return rich_project(tmp_path / "proj")


def sqitch_ids(project: Project) -> list[tuple[str, str]]:
    out = sqitch(project, "plan", "--no-headers", "--format", "format:%H %n").stdout
    return [tuple(line.split(" ", 1)) for line in out.splitlines() if line.strip()]  # type: ignore[misc]


def our_plan(project: Project) -> dict:
    return json.loads(cli(project, "plan", "--json").stdout)


def test_change_ids_equal_sqitch_plan(project: Project) -> None:
    ours = [(c["change_id"], c["name"]) for c in our_plan(project)["changes"]]
    assert [name for _, name in ours] == ORDER
    assert ours == sqitch_ids(project)


def test_cross_project_dependency_and_more_escapes_ids(tmp_path: Path) -> None:
    p = Project(tmp_path / "x", name="proj-x")
    p.add("one", note=r"  padded\r\nnote  ", scripts=False)
    p.add("two", deps=["other:thing", "!other:bad", "one"], note=r"trailing \\", scripts=False)
    p.tag("t1")
    p.add("three", deps=["proj-x:two", "two@t1"], scripts=False)
    ours = [(c["change_id"], c["name"]) for c in our_plan(p)["changes"]]
    assert ours == sqitch_ids(p)
    two = our_plan(p)["changes"][1]
    assert two["requires"] == ["other:thing", "one"]
    assert two["conflicts"] == ["other:bad"]


def test_registry_rows_equal_sqitch_own(project: Project, new_db: Callable[[str], str]) -> None:
    ours_db, theirs_db = new_db("ours"), new_db("sqitch")
    cli(project, "deploy", url=ours_db)
    sqitch(project, "deploy", url=theirs_db)
    assert registry(ours_db) == registry(theirs_db)

    # Change ids as planned, tag ids as sqitch computes them, script hashes = sha1(deploy file).
    plan = our_plan(project)["changes"]
    assert [r[0] for r in query(ours_db, "SELECT change_id FROM sqitch.changes"
                                " ORDER BY committed_at")] == [c["change_id"] for c in plan]
    assert sorted(r[0] for r in query(ours_db, "SELECT tag_id FROM sqitch.tags")) == sorted(
        t for c in plan for t in c["tag_ids"])
    hashes = dict(query(ours_db, "SELECT change_id, script_hash FROM sqitch.changes"))
    files = ["a@v1", "b", "c", "d", "a", "e"]
    for change, name in zip(plan, files, strict=True):
        path = project.root / "sql" / "deploy" / f"{name}.sql"
        assert hashes[change["change_id"]] == hashlib.sha1(path.read_bytes()).hexdigest()
    assert scalar(ours_db, "SELECT f()") == 2

    # Reverting part of the plan writes the same rows (revert events carry the tags) ...
    cli(project, "revert", "-y", "--to", "c", url=ours_db)
    sqitch(project, "revert", "-y", "--to", "c", url=theirs_db)
    assert registry(ours_db) == registry(theirs_db)
    assert deployed(ours_db) == ["a", "b", "c"]
    assert scalar(ours_db, "SELECT f()") == 1
    # ... and so do reverting everything and deploying it again.
    cli(project, "revert", "-y", url=ours_db)
    sqitch(project, "revert", "-y", url=theirs_db)
    assert registry(ours_db) == registry(theirs_db)
    cli(project, "deploy", url=ours_db)
    sqitch(project, "deploy", url=theirs_db)
    assert registry(ours_db) == registry(theirs_db)
    assert [e for e, _ in events(ours_db)].count("revert") == 6


def test_sqitch_reads_what_we_deployed(project: Project, fresh_db: str) -> None:
    cli(project, "deploy", url=fresh_db)
    status = sqitch(project, "status", url=fresh_db).stdout
    assert "# Name:     e" in status
    assert "Nothing to deploy (up-to-date)" in status
    verify = sqitch(project, "verify", url=fresh_db).stdout
    assert "Verify successful" in verify
    for name in ["a", "b @v1", "c", "d", "a @v2", "e"]:
        assert f"* {name} ." in verify
    log = sqitch(project, "log", url=fresh_db).stdout
    assert log.count("Deploy ") == 6
    for name in set(ORDER):
        assert f"Name:      {name}\n" in log
    assert "Nothing to deploy" in cli(project, "deploy", url=fresh_db).stdout
    assert "Nothing to deploy" in sqitch(project, "deploy", url=fresh_db).stdout


@pytest.mark.parametrize("first", ["sqitch", "ours"])
def test_half_and_half(project: Project, new_db: Callable[[str], str], first: str) -> None:
    mixed, reference = new_db("mixed"), new_db("ref")
    if first == "sqitch":
        sqitch(project, "deploy", "--to", "c", url=mixed)
        assert deployed(mixed) == ["a", "b", "c"]
        assert "  + d" in cli(project, "deploy", url=mixed).stdout
    else:
        cli(project, "deploy", "--to", "c", url=mixed)
        assert deployed(mixed) == ["a", "b", "c"]
        assert "  + d" in sqitch(project, "deploy", url=mixed).stdout
    assert deployed(mixed) == ORDER
    assert "Nothing to deploy (up-to-date)" in sqitch(project, "status", url=mixed).stdout
    assert json.loads(cli(project, "status", "--json", url=mixed).stdout)["pending"] == []
    assert "Verify successful" in sqitch(project, "verify", url=mixed).stdout
    cli(project, "verify", url=mixed)
    sqitch(project, "deploy", url=reference)
    assert registry(mixed) == registry(reference)


def test_sqitch_reverts_what_we_deployed(project: Project, db: str) -> None:
    cli(project, "deploy", url=db)
    sqitch(project, "revert", "-y", "--to", "b", url=db)
    assert deployed(db) == ["a", "b"]
    assert not table_exists(db, "c") and table_exists(db, "b")
    assert scalar(db, "SELECT f()") == 1
    sqitch(project, "revert", "-y", url=db)
    _assert_all_reverted(db)
    cli(project, "deploy", url=db)  # and ours deploys on top of sqitch's reverts
    assert deployed(db) == ORDER


def test_we_revert_what_sqitch_deployed(project: Project, db: str) -> None:
    sqitch(project, "deploy", url=db)
    cli(project, "revert", "-y", "--to", "b", url=db)
    assert deployed(db) == ["a", "b"]
    assert not table_exists(db, "c") and table_exists(db, "b")
    cli(project, "revert", "-y", url=db)
    _assert_all_reverted(db)
    assert "No changes deployed" in sqitch(project, "status", url=db, check=1).stdout
    sqitch(project, "deploy", url=db)
    assert deployed(db) == ORDER


def _assert_all_reverted(url: str) -> None:
    assert deployed(url) == []
    for table in ("b", "c", "d", "e"):
        assert not table_exists(url, table)
    assert scalar(url, "SELECT to_regprocedure('f()') IS NULL")
    assert [e for e, _ in events(url)] == ["deploy"] * 6 + ["revert"] * 6
