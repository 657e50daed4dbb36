"""`status`, `log`, `plan` and `verify` with --json: valid JSON with the documented fields."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

import engine_support
from engine_support import FULLNAME, Project, cli, query

# The fixtures from engine_support (a fresh database with the stand-in already installed).
db, new_db = engine_support.db, engine_support.new_db


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project(tmp_path / "j")
    p.add("first", note=r"two\nlines")
    p.tag("v1", note="tagged")
    p.add("second", deps=["first", "!third"])
    p.add("third")
    return p


def as_json(text: str) -> object:
    return json.loads(text)


def test_plan_json(project: Project) -> None:
    data = as_json(cli(project, "plan", "--json").stdout)
    assert data["project"] == "demo"
    first, second, third = data["changes"]
    assert [c["name"] for c in data["changes"]] == ["first", "second", "third"]
    assert first["note"] == "two\nlines"
    assert first["tags"] == ["v1"] and len(first["tag_ids"][0]) == 40
    assert second["requires"] == ["first"] and second["conflicts"] == ["third"]
    assert second["planner"] == "Test Planner <planner@example.com>"
    assert second["planned_at"] == "2024-01-01T00:00:02Z"
    assert third["tags"] == [] and third["requires"] == []
    assert len({c["change_id"] for c in data["changes"]}) == 3


def test_status_json(project: Project, db: str) -> None:
    plan = as_json(cli(project, "plan", "--json").stdout)["changes"]
    empty = as_json(cli(project, "status", "--json", url=db).stdout)
    assert empty["deployed"] == 0 and empty["last_change"] is None
    assert empty["pending"] == ["first", "second", "third"]

    cli(project, "deploy", "--to", "second", url=db)
    data = as_json(cli(project, "status", "--json", url=db).stdout)
    assert data["project"] == "demo"
    assert data["deployed"] == 2
    assert data["pending"] == ["third"]
    assert data["last_change"] == "second"
    assert data["last_change_id"] == plan[1]["change_id"]
    assert data["tags"] == ["@v1"]
    assert data["plan_file"] == str(project.plan_path)
    assert datetime.fromisoformat(data["deployed_at"]) == query(
        db, "SELECT committed_at FROM sqitch.changes WHERE change = 'second'")[0][0]


def test_log_json(project: Project, db: str) -> None:
    cli(project, "deploy", url=db)
    cli(project, "revert", "-y", "--to", "first", url=db)
    data = as_json(cli(project, "log", "--json", url=db).stdout)
    assert [(e["event"], e["change"]) for e in data] == [
        ("revert", "second"), ("revert", "third"),
        ("deploy", "third"), ("deploy", "second"), ("deploy", "first"),
    ]
    first = next(e for e in data if e["change"] == "first")
    assert first["tags"] == ["@v1"] and first["note"] == "two\nlines"
    assert first["committer_name"] == FULLNAME
    second = next(e for e in data if e["change"] == "second" and e["event"] == "deploy")
    assert second["requires"] == ["first"] and second["conflicts"] == ["third"]
    stamps = [datetime.fromisoformat(e["committed_at"]) for e in data]
    assert stamps == sorted(stamps, reverse=True)
    assert len(as_json(cli(project, "log", "--json", "-n", "2", url=db).stdout)) == 2


def test_verify_json(project: Project, db: str) -> None:
    cli(project, "deploy", url=db)
    data = as_json(cli(project, "verify", "--json", url=db).stdout)
    assert [(c["change"], c["ok"], c["error"]) for c in data["changes"]] == [
        ("first", True, None), ("second", True, None), ("third", True, None)]
    assert all(len(c["change_id"]) == 40 for c in data["changes"])

    project.write("verify", "third", "BEGIN;\nSELECT no_such_column FROM third;\nROLLBACK;\n")
    proc = cli(project, "verify", "--json", url=db, check=8)
    data = as_json(proc.stdout)
    assert [c["ok"] for c in data["changes"]] == [True, True, False]
    assert 'column "no_such_column" does not exist' in data["changes"][2]["error"]
    assert "1 of 3" in proc.stderr
