"""A database deployed from another branch: status, revert from the registry's record,
rebase and checkout, each side by side with the real sqitch 1.3.1 on a twin database."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import engine_support
from engine_support import Project, cli, deployed, registry, sqitch, table_exists

db, new_db = engine_support.db, engine_support.new_db


def branch_a(root: Path) -> Project:
    p = Project(root)
    p.add("a")
    p.add("b", deps=["a"])
    p.add("x", deps=["b"], note="only on branch A")
    return p


def to_branch_b(p: Project) -> None:
    """The plan as another branch has it: x is gone (its scripts are still on disk), y is new."""
    p.lines.pop()
    p.add("y", deps=["b"], note="only on branch B")


def test_status_shows_the_state_then_the_problem(tmp_path: Path,
                                                 new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = branch_a(tmp_path / "p")
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    to_branch_b(p)
    proc = cli(p, "status", url=ours, check=7)
    assert "# Name:     x" in proc.stdout and "# Change:   " in proc.stdout
    assert "x (" in proc.stderr and "not in the plan" in proc.stderr
    assert "revert --to b" in proc.stderr and "rebase --onto b" in proc.stderr
    theirs_status = sqitch(p, "status", url=theirs, check=2)
    assert "# Name:     x" in theirs_status.stdout
    assert "Cannot find this change" in theirs_status.stderr
    # deploy refuses on both
    assert "not in the plan" in cli(p, "deploy", url=ours, check=7).stderr
    assert "Cannot find change" in sqitch(p, "deploy", url=theirs, check=2).stderr
    assert registry(ours) == registry(theirs)


def test_revert_an_orphan_from_the_registrys_record(tmp_path: Path,
                                                     new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = branch_a(tmp_path / "p")
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    to_branch_b(p)
    assert "- x" in cli(p, "revert", "-y", "--to", "b", url=ours).stdout
    sqitch(p, "revert", "-y", "--to", "b", url=theirs)
    assert not table_exists(ours, "x") and not table_exists(theirs, "x")
    assert registry(ours) == registry(theirs)
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    assert deployed(ours) == ["a", "b", "y"]
    assert registry(ours) == registry(theirs)


def test_an_orphan_without_its_revert_script_is_refused(tmp_path: Path,
                                                        new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = branch_a(tmp_path / "p")
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    to_branch_b(p)
    script = p.root / "sql" / "revert" / "x.sql"
    script.unlink()
    proc = cli(p, "revert", "-y", "--to", "b", url=ours, check=4)
    assert str(script) in proc.stderr and "missing" in proc.stderr
    sqitch(p, "revert", "-y", "--to", "b", url=theirs, check=2)  # psql cannot read it either
    assert deployed(ours) == deployed(theirs) == ["a", "b", "x"]
    assert registry(ours) == registry(theirs)


def test_rebase_onto(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = branch_a(tmp_path / "p")
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    to_branch_b(p)
    out = cli(p, "rebase", "-y", "--onto", "b", url=ours).stdout
    assert "- x" in out and "+ y" in out
    sqitch(p, "rebase", "-y", "--onto", "b", url=theirs)
    assert deployed(ours) == ["a", "b", "y"]
    assert registry(ours) == registry(theirs)
    # without --onto everything is reverted first; --upto stops the deploy
    cli(p, "rebase", "-y", "--upto", "b", url=ours)
    sqitch(p, "rebase", "-y", "--upto", "b", url=theirs)
    assert deployed(ours) == ["a", "b"]
    assert registry(ours) == registry(theirs)


def test_rebase_modified(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = branch_a(tmp_path / "p")
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    p.write("deploy", "b", "BEGIN;\nCREATE TABLE b (id int PRIMARY KEY, edited bool);\nCOMMIT;\n")
    out = cli(p, "rebase", "-y", "--modified", url=ours).stdout
    assert "- x" in out and "- b" in out and "- a" not in out
    sqitch(p, "rebase", "-y", "--modified", url=theirs)
    assert registry(ours) == registry(theirs)
    assert engine_support.scalar(ours, "SELECT count(*) FROM information_schema.columns"
                                 " WHERE table_name = 'b' AND column_name = 'edited'") == 1


# -- checkout ----------------------------------------------------------------------------------
def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
                          cwd=root, capture_output=True, text=True, check=True,
                          timeout=60).stdout


def repository(root: Path) -> Project:
    """main: a, b; feature: a, b, x. The same files, so the same ids, wherever it is built."""
    p = Project(root)
    p.add("a")
    p.add("b", deps=["a"])
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "main")
    _git(root, "checkout", "-q", "-b", "feature")
    p.add("x", deps=["b"])
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "feature")
    return p


def test_checkout_reverts_switches_and_deploys(tmp_path: Path,
                                               new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    mine, twin = repository(tmp_path / "ours"), repository(tmp_path / "theirs")
    cli(mine, "deploy", url=ours)
    sqitch(twin, "deploy", url=theirs)
    out = cli(mine, "checkout", "-y", "main", url=ours).stdout
    assert "Last change before the branches diverged: b" in out and "- x" in out
    sqitch(twin, "checkout", "-y", "main", url=theirs)
    assert _git(mine.root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert deployed(ours) == ["a", "b"] and not table_exists(ours, "x")
    assert registry(ours) == registry(theirs)
    # and back: nothing to revert, x is deployed again
    assert "+ x" in cli(mine, "checkout", "-y", "feature", url=ours).stdout
    sqitch(twin, "checkout", "-y", "feature", url=theirs)
    assert deployed(ours) == ["a", "b", "x"]
    assert registry(ours) == registry(theirs)
    proc = cli(mine, "checkout", "-y", "feature", url=ours, check=1)
    assert "already on branch feature" in proc.stderr
    sqitch(twin, "checkout", "-y", "feature", url=theirs, check=1)
