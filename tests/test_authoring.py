"""`add`, `tag` and `rework` write what sqitch 1.3.1 writes: same plan lines, ids and files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine_support import without_plan_line

ROOT = Path(__file__).resolve().parent.parent
PLAN_HEAD = "%syntax-version=1.0.0\n%project=onemedi\n\n"
ENV = {**os.environ, "SQITCH_FULLNAME": "Test Planner", "SQITCH_EMAIL": "planner@example.com"}
DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def new_project(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sqitch.conf").write_text(
        "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = sql\n", encoding="utf-8")
    (folder / "sqitch.plan").write_text(PLAN_HEAD, encoding="utf-8")
    shutil.copy(ROOT / ".sqlfluff", folder / ".sqlfluff")
    return folder


def onemedi(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "onemedi_db", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=120)


def sqitch(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sqitch", *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=120, check=True)


def sqitch_ids(cwd: Path) -> list[str]:
    out = sqitch(cwd, "plan", "--format", "format:%H %n").stdout
    return [line for line in out.splitlines() if re.match(r"[0-9a-f]{40} ", line)]


def our_ids(cwd: Path) -> list[str]:
    out = onemedi(cwd, "plan").stdout
    return [" ".join(line.split()[:2]) for line in out.splitlines()
            if re.match(r"[0-9a-f]{40} ", line)]


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in (folder / "sql").rglob("*.sql"))


STEPS: list[list[str]] = [
    ["add", "widgets", "-n", "Add widgets"],
    ["add", "gadgets", "-r", "widgets", "-n", "Add gadgets"],
    ["tag", "v1.0", "-n", "First release"],
    ["tag", "@v1.0b", "-n", "Same change, second tag"],
    ["add", "sprockets", "-r", "gadgets", "-n", "After a tag: sqitch adds a blank line"],
    ["tag", "v1.1", "-n", "Second release"],
    ["tag", "v1.1b", "-n", "Two tags on one change: rework names files after the first"],
    ["rework", "widgets", "-n", "Rework widgets"],
]


def test_add_tag_rework_match_sqitch(tmp_path: Path) -> None:
    ours, theirs = new_project(tmp_path / "ours"), new_project(tmp_path / "theirs")
    for step in STEPS:
        done = onemedi(ours, *step)
        assert done.returncode == 0, done.stderr
        sqitch(theirs, *(["tag", step[1].lstrip("@"), *step[2:]] if step[0] == "tag" else step))
    ours_plan = (ours / "sqitch.plan").read_text(encoding="utf-8")
    theirs_plan = (theirs / "sqitch.plan").read_text(encoding="utf-8")
    assert DATE.sub("DATE", ours_plan) == DATE.sub("DATE", theirs_plan)
    assert "widgets [widgets@v1.1] DATE Test Planner <planner@example.com> # Rework widgets" \
        in DATE.sub("DATE", ours_plan)
    # The ids our plan command computes are the ones sqitch computes from our plan file.
    assert our_ids(ours) == sqitch_ids(ours)
    assert len(our_ids(ours)) == 4
    # Same files; the reworked change keeps its old scripts as widgets@v1.1.sql, and the new
    # revert starts as the previous deploy script, exactly as sqitch copies them.
    assert files(ours) == files(theirs)
    assert "sql/deploy/widgets@v1.1.sql" in files(ours)
    sql = ours / "sql"
    assert (sql / "revert" / "widgets.sql").read_bytes() == \
        (sql / "deploy" / "widgets@v1.1.sql").read_bytes()
    assert (sql / "verify" / "widgets@v1.1.sql").read_bytes() == \
        (sql / "verify" / "widgets.sql").read_bytes()


def test_messages(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    added = onemedi(project, "add", "widgets", "-n", "Add widgets")
    assert added.stdout.splitlines() == [
        "Created sql/deploy/widgets.sql", "Created sql/revert/widgets.sql",
        "Created sql/verify/widgets.sql", 'Added "widgets" to sqitch.plan']
    added = onemedi(project, "add", "gadgets", "-r", "widgets", "-c", "old_gadgets")
    assert 'Added "gadgets [widgets !old_gadgets]" to sqitch.plan' in added.stdout
    tagged = onemedi(project, "tag", "v1")
    assert tagged.stdout.strip() == 'Tagged "gadgets" with @v1 in sqitch.plan'
    reworked = onemedi(project, "rework", "widgets", "-n", "Second go")
    assert reworked.returncode == 0, reworked.stderr
    assert 'Added "widgets [widgets@v1]" to sqitch.plan' in reworked.stdout
    assert "Copied sql/deploy/widgets@v1.sql to sql/revert/widgets.sql" in reworked.stdout
    assert our_ids(project) == sqitch_ids(project)


def test_add_keeps_an_existing_script(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    (project / "sql" / "deploy").mkdir(parents=True)
    (project / "sql" / "deploy" / "widgets.sql").write_text("-- mine\n", encoding="utf-8")
    added = onemedi(project, "add", "widgets")
    assert added.returncode == 0, added.stderr
    assert "Skipped sql/deploy/widgets.sql: already exists" in added.stdout
    assert (project / "sql" / "deploy" / "widgets.sql").read_text() == "-- mine\n"


@pytest.mark.parametrize(
    ("setup", "command", "message"),
    [
        ([], ["tag", "v1"], "cannot tag @v1: sqitch.plan has no changes"),
        ([], ["add", "bad name"], '"bad name" is not a valid change name'),
        ([], ["add", "widgets-"], '"widgets-" is not a valid change name'),
        ([], ["add", "HEAD"], '"HEAD" is a reserved name'),
        ([], ["add", "x@y"], '"x@y" is not a valid change name'),
        ([], ["add", "gadgets", "-r", "widgets"],
         "cannot add change 'gadgets': it requires 'widgets', which is not in sqitch.plan"),
        ([["add", "widgets"]], ["add", "widgets"],
         "change 'widgets' already exists in sqitch.plan (line 4)"),
        ([["add", "widgets"]], ["tag", "v1/x"], '"v1/x" is not a valid tag name'),
        ([["add", "widgets"], ["tag", "v1"]], ["tag", "v1"],
         "tag @v1 already exists in sqitch.plan"),
        ([["add", "widgets"]], ["rework", "gadgets"], "change 'gadgets' is not in sqitch.plan"),
        ([["add", "widgets"]], ["rework", "widgets"],
         "cannot rework 'widgets' without a tag after it"),
        ([["add", "widgets"], ["tag", "v1"]], ["add", "gadgets", "-r", "widgets@v2"],
         "cannot add change 'gadgets': it requires 'widgets@v2', which is not in sqitch.plan"),
    ],
)
def test_refusals_exit_4_and_change_nothing(
    tmp_path: Path, setup: list[list[str]], command: list[str], message: str
) -> None:
    project = new_project(tmp_path)
    for step in setup:
        assert onemedi(project, *step).returncode == 0
    before_plan, before_files = (project / "sqitch.plan").read_text(), files(project)
    refused = onemedi(project, *command)
    assert refused.returncode == 4
    assert without_plan_line(refused.stderr).startswith(f"onemedi-db: error: {message}")
    assert (project / "sqitch.plan").read_text() == before_plan
    assert files(project) == before_files


def test_existing_name_after_a_tag_points_to_rework(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    onemedi(project, "add", "widgets")
    onemedi(project, "tag", "v1")
    refused = onemedi(project, "add", "widgets")
    assert refused.returncode == 4
    assert "onemedi-db: hint: use `onemedi-db rework widgets` to change it" in refused.stderr


def test_rework_refuses_to_overwrite_kept_scripts(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    onemedi(project, "add", "widgets")
    onemedi(project, "tag", "v1")
    (project / "sql" / "verify" / "widgets@v1.sql").write_text("-- stale\n")
    refused = onemedi(project, "rework", "widgets")
    assert refused.returncode == 4
    assert "sql/verify/widgets@v1.sql already exists" in refused.stderr
    assert not (project / "sql" / "deploy" / "widgets@v1.sql").exists()


def test_templates_deploy_verify_and_revert(tmp_path: Path, fresh_db: str) -> None:
    """A change straight from the templates deploys, verifies and reverts cleanly."""
    project = new_project(tmp_path)
    assert onemedi(project, "add", "widgets", "-n", "Add widgets").returncode == 0
    deploy = (project / "sql" / "deploy" / "widgets.sql").read_text()
    assert deploy.startswith("-- Deploy onemedi:widgets to pg\n")
    assert "CREATE TABLE public.widgets (" in deploy
    assert "ALTER TABLE public.widgets ENABLE ROW LEVEL SECURITY;" in deploy
    assert "TODO" not in deploy and "XXX" not in deploy
    for args in (["deploy"], ["verify"], ["revert", "-y"]):
        done = onemedi(project, *args, "--target", fresh_db)
        assert done.returncode == 0, done.stderr
    assert "Reverted 1 change(s)" in done.stdout
