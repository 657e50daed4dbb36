"""`check` reports drift between a deployed database and the checkout, changing nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from engine_support import without_plan_line

ROOT = Path(__file__).resolve().parent.parent
PLAN = "%syntax-version=1.0.0\n%project=onemedi\n\n"


def onemedi(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SQITCH_FULLNAME": "Test Planner", "SQITCH_EMAIL": "planner@example.com"}
    return subprocess.run([sys.executable, "-m", "onemedi_db", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def deployed(tmp_path: Path, fresh_db: str) -> tuple[Path, str]:
    """Two template changes, deployed to a fresh database."""
    (tmp_path / "sqitch.conf").write_text(
        "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = sql\n", encoding="utf-8")
    (tmp_path / "sqitch.plan").write_text(PLAN, encoding="utf-8")
    shutil.copy(ROOT / ".sqlfluff", tmp_path / ".sqlfluff")
    for step in (["add", "widgets", "-n", "Add widgets"],
                 ["add", "gadgets", "-r", "widgets", "-n", "Add gadgets"],
                 ["deploy", "--target", fresh_db]):
        done = onemedi(tmp_path, *step)
        assert done.returncode == 0, done.stderr
    return tmp_path, fresh_db


def registry_rows(url: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT change, script_hash FROM sqitch.changes ORDER BY 1").fetchall()


def test_clean(deployed: tuple[Path, str]) -> None:
    project, url = deployed
    done = onemedi(project, "check", "--target", url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == \
        "No drift: 2 deployed change(s) match the plan, scripts and verifies"
    data = json.loads(onemedi(project, "check", "--target", url, "--json").stdout)
    assert data["clean"] is True and data["deployed"] == 2 and data["findings"] == []


def test_nothing_deployed_is_clean(tmp_path: Path, fresh_db: str) -> None:
    # sqitch's default plan_file is top_dir/sqitch.plan.
    (tmp_path / "sqitch.conf").write_text("[core]\n\ttop_dir = sql\n", encoding="utf-8")
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "sqitch.plan").write_text(PLAN, encoding="utf-8")
    done = onemedi(tmp_path, "check", "--target", fresh_db)
    assert done.returncode == 0, done.stderr
    assert "No drift: 0 deployed change(s)" in done.stdout


def test_edited_deploy_script(deployed: tuple[Path, str]) -> None:
    project, url = deployed
    before = registry_rows(url)
    script = project / "sql" / "deploy" / "widgets.sql"
    script.write_text(script.read_text() + "-- edited after deploying\n")
    done = onemedi(project, "check", "--target", url)
    assert done.returncode == 9
    assert done.stdout.splitlines() == [
        line for line in done.stdout.splitlines() if line.startswith("script_changed: ")]
    assert done.stdout.startswith(
        "script_changed: sql/deploy/widgets.sql: changed since widgets was deployed (deployed ")
    assert "onemedi-db: error: 1 drift finding(s) on" in done.stderr
    assert registry_rows(url) == before  # check changes nothing
    # Untagged, the change cannot be reworked (`rework` refuses it): revert and redeploy.
    assert "widgets is not tagged yet, so revert it (`onemedi-db revert --to widgets^`)" \
        in done.stdout and "onemedi-db rework" not in done.stdout
    assert onemedi(project, "rework", "widgets").returncode == 4
    assert onemedi(project, "tag", "v1").returncode == 0
    done = onemedi(project, "check", "--target", url)
    assert "change a released change with `onemedi-db rework widgets`" in done.stdout


def test_deleted_deploy_script(deployed: tuple[Path, str]) -> None:
    project, url = deployed
    (project / "sql" / "deploy" / "gadgets.sql").unlink()
    done = onemedi(project, "check", "--target", url)
    assert done.returncode == 9
    assert ("script_missing: sql/deploy/gadgets.sql: deploy script of deployed change gadgets "
            "is missing") in done.stdout.splitlines()


def test_failing_verify(deployed: tuple[Path, str]) -> None:
    project, url = deployed
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ALTER TABLE public.gadgets DROP COLUMN updated_at")
    done = onemedi(project, "check", "--target", url, "--json")
    assert done.returncode == 9
    findings = json.loads(done.stdout)["findings"]
    assert [(f["kind"], f["change"], f["file"]) for f in findings] == [
        ("verify_failed", "gadgets", "sql/verify/gadgets.sql")]
    assert 'column "updated_at" does not exist' in findings[0]["message"]


def test_registry_rows_the_plan_lacks(deployed: tuple[Path, str]) -> None:
    """An edited planned line changes the id: the deployed row is unknown to the plan."""
    project, url = deployed
    plan = project / "sqitch.plan"
    plan.write_text(plan.read_text().replace("# Add gadgets", "# Add gadgets, reworded"))
    done = onemedi(project, "check", "--target", url)
    assert done.returncode == 9
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("not_in_plan: gadgets (")
    assert lines[0].endswith(") is deployed but sqitch.plan has no change with this id "
                             "(planned line edited, or deployed from another branch)")


def test_unreachable_target(deployed: tuple[Path, str]) -> None:
    project, _ = deployed
    done = onemedi(project, "check", "--target", "postgresql://postgres@127.0.0.1:5432/om_none_x")
    assert done.returncode == 3
    assert without_plan_line(done.stderr).startswith("onemedi-db: error: cannot connect to ")


def test_order_mismatch_still_verifies(deployed: tuple[Path, str]) -> None:
    project, url = deployed
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE sqitch.changes SET committed_at = committed_at + interval '1 hour'"
                     " WHERE change = 'widgets'")
        conn.execute("DROP TABLE public.gadgets")
    done = onemedi(project, "check", "--target", url)
    assert done.returncode == 9
    lines = done.stdout.splitlines()
    assert lines[:2] == ["order: gadgets is deployed as change 1 but planned as change 2",
                         "order: widgets is deployed as change 2 but planned as change 1"]
    assert lines[2].startswith("verify_failed: gadgets: verify failed: ")
    assert len(lines) == 3
