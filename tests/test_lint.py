"""`lint`: sqlfluff with the repo's .sqlfluff plus layout and plain-SQL checks; exit 10."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine_support import without_plan_line
from onemedi_db.authoring.lint import psql_features

ROOT = Path(__file__).resolve().parent.parent
PLAN = "%syntax-version=1.0.0\n%project=onemedi\n\n"


def onemedi(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd / ".cache"),
           "SQITCH_FULLNAME": "Test Planner", "SQITCH_EMAIL": "planner@example.com"}
    return subprocess.run([sys.executable, "-m", "onemedi_db", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "sqitch.conf").write_text(
        "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = sql\n", encoding="utf-8")
    (tmp_path / "sqitch.plan").write_text(PLAN, encoding="utf-8")
    shutil.copy(ROOT / ".sqlfluff", tmp_path / ".sqlfluff")
    for step in (["add", "widgets"], ["add", "gadgets", "-r", "widgets"], ["tag", "v1"],
                 ["rework", "widgets"]):
        assert onemedi(tmp_path, *step).returncode == 0
    return tmp_path


def test_clean_project_passes(project: Path) -> None:
    done = onemedi(project, "lint")
    assert done.returncode == 0, done.stdout + done.stderr
    # 2 changes x 3 scripts, plus widgets@v1 x 3: reworked scripts are not orphans.
    assert done.stdout.strip() == "Linted 9 SQL file(s): no problems"
    again = json.loads(onemedi(project, "lint", "--json").stdout)
    assert again == {"files": 9, "cached": 9, "problems": []}


def test_problems_are_reported_as_file_line_message(project: Path) -> None:
    sql = project / "sql"
    (sql / "revert" / "gadgets.sql").unlink()
    (sql / "deploy" / "orphan.sql").write_text("SELECT 1;\n", encoding="utf-8")
    deploy = (sql / "deploy" / "gadgets.sql").read_text()
    (sql / "deploy" / "gadgets.sql").write_text(
        deploy.replace("BEGIN;\n", "BEGIN;\n\\set owner postgres\n", 1)
        .replace("COMMIT;", "ALTER TABLE public.gadgets OWNER TO :owner;\n\nCOMMIT;"),
        encoding="utf-8")
    (sql / "verify" / "widgets.sql").write_text(
        "BEGIN;\n\nSELECT id FROM public.widgets WHERE FALSE;\n\nCOMMIT;\n", encoding="utf-8")
    (sql / "revert" / "widgets.sql").write_text(
        "BEGIN;\n\nDROP TABLE public.widgets\n\nCOMMIT;\n", encoding="utf-8")
    (sql / "verify" / "gadgets.sql").write_text(
        "BEGIN;\n\nselect id from public.gadgets where FALSE;\n\nROLLBACK;\n", encoding="utf-8")
    done = onemedi(project, "lint", "--no-cache")
    assert done.returncode == 10
    lines = done.stdout.splitlines()
    for expected in [
        "sqitch.plan:5: layout: change gadgets has no sql/revert/gadgets.sql",
        "sql/deploy/orphan.sql:1: layout: no change in sqitch.plan uses this deploy script",
        "sql/deploy/gadgets.sql:5: plain-sql: psql meta-command \\set (scripts must be plain SQL)",
        "sql/deploy/gadgets.sql:28: plain-sql: psql variable :owner (scripts must be plain SQL)",
        "sql/verify/widgets.sql:5: verify: COMMIT in a verify script: verify must end with "
        "ROLLBACK",
        "sql/verify/widgets.sql:5: verify: a verify script must end with ROLLBACK",
        "sql/verify/gadgets.sql:3: CP01: Keywords must be upper case.",
    ]:
        assert expected in lines, f"{expected!r} not in {lines}"
    assert any(line.startswith("sql/revert/widgets.sql:5: parse: syntax error at or near "
                               '"COMMIT"') for line in lines), lines
    assert without_plan_line(done.stderr).startswith(
        f"onemedi-db: error: {len(lines)} problem(s) in ")


def test_json_output(project: Path) -> None:
    (project / "sql" / "deploy" / "orphan.sql").write_text("SELECT 1;\n", encoding="utf-8")
    done = onemedi(project, "lint", "--json")
    assert done.returncode == 10
    data = json.loads(done.stdout)
    assert data["problems"] == [{"file": "sql/deploy/orphan.sql", "line": 1, "rule": "layout",
                                 "message": "no change in sqitch.plan uses this deploy script"}]


def test_repo_templates_are_linted(tmp_path: Path) -> None:
    """The templates ship in the package; lint finds them in a checkout and they are clean."""
    shutil.copytree(ROOT / "cli" / "onemedi_db" / "authoring" / "templates",
                    tmp_path / "cli" / "onemedi_db" / "authoring" / "templates")
    (tmp_path / "sqitch.conf").write_text("[core]\n\ttop_dir = sql\n\tplan_file = sqitch.plan\n",
                                          encoding="utf-8")
    (tmp_path / "sqitch.plan").write_text(PLAN, encoding="utf-8")
    shutil.copy(ROOT / ".sqlfluff", tmp_path / ".sqlfluff")
    done = onemedi(tmp_path, "lint")
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip() == "Linted 3 SQL file(s): no problems"


@pytest.mark.parametrize(
    ("sql", "found"),
    [
        ("SELECT 1::text, 'a :b', \"c:d\", E'it\\'s :x';\n", []),
        ("-- :comment\n/* :block /* nested :x */ */ SELECT $$ :dollar $$, $f$ \\x $f$;\n", []),
        ("SELECT a[1:2] FROM t;\n", []),
        ("\\i other.sql\n", [(1, "psql meta-command \\i (scripts must be plain SQL)")]),
        ("SELECT 1;\nSELECT :'name', :\"ident\";\n",
         [(2, "psql variable :'name' (scripts must be plain SQL)"),
          (2, 'psql variable :"ident" (scripts must be plain SQL)')]),
        ("SELECT 1 \\gset\n", [(1, "psql meta-command \\gset (scripts must be plain SQL)")]),
    ],
)
def test_psql_features(sql: str, found: list[tuple[int, str]]) -> None:
    assert psql_features(sql) == found


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
                   cwd=cwd, check=True, capture_output=True)


def test_tagged_changes_are_frozen(tmp_path: Path) -> None:
    (tmp_path / "sqitch.conf").write_text(
        "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = sql\n", encoding="utf-8")
    (tmp_path / "sqitch.plan").write_text(PLAN, encoding="utf-8")
    shutil.copy(ROOT / ".sqlfluff", tmp_path / ".sqlfluff")
    for step in (["add", "widgets"], ["tag", "v1"], ["add", "gadgets"]):
        assert onemedi(tmp_path, *step).returncode == 0
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "v1")
    assert onemedi(tmp_path, "lint").returncode == 0

    # A change after the tag may still be edited.
    gadgets = tmp_path / "sql" / "deploy" / "gadgets.sql"
    gadgets.write_text(gadgets.read_text().replace("COMMIT;", "SELECT 1;\n\nCOMMIT;"),
                       encoding="utf-8")
    done = onemedi(tmp_path, "lint", "--no-cache")
    assert done.returncode == 0, done.stdout

    # A tagged change's script may not.
    widgets = tmp_path / "sql" / "deploy" / "widgets.sql"
    original = widgets.read_text()
    widgets.write_text(original.replace("COMMIT;", "SELECT 1;\n\nCOMMIT;"), encoding="utf-8")
    done = onemedi(tmp_path, "lint", "--no-cache")
    assert done.returncode == 10
    assert ("sql/deploy/widgets.sql:1: append-only: deploy script of widgets changed after @v1"
            in done.stdout)
    assert "use `onemedi-db rework widgets`" in done.stdout

    # Reworking it is the way: the frozen scripts move to widgets@v1.sql, unchanged.
    widgets.write_text(original, encoding="utf-8")
    assert onemedi(tmp_path, "rework", "widgets").returncode == 0
    widgets.write_text(original.replace("COMMIT;", "SELECT 1;\n\nCOMMIT;"), encoding="utf-8")
    done = onemedi(tmp_path, "lint", "--no-cache")
    assert "append-only" not in done.stdout, done.stdout

    # Editing a planned line up to the tag is refused too.
    plan = tmp_path / "sqitch.plan"
    lines = plan.read_text().splitlines()
    lines = [f"{ln} # edited" if ln.startswith("widgets ") else ln for ln in lines]
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = onemedi(tmp_path, "lint", "--no-cache")
    assert "sqitch.plan" in done.stdout and "changed since it was tagged" in done.stdout


def test_a_new_table_needs_its_security_tests_before_lint_passes(project: Path) -> None:
    """`add`'s template grants the table to authenticated; the security tests would fail at
    once without its matrix rows and policy test, so lint says so first."""
    (project / "docs").mkdir()
    (project / "tests" / "pgtap").mkdir(parents=True)
    matrix = project / "docs" / "security.md"
    catalog = project / "tests" / "pgtap" / "test_rls_catalog.sql"
    matrix.write_text("| table | command | roles | rows | policy |\n|---|---|---|---|---|\n")
    catalog.write_text("BEGIN;\nSELECT plan(0);\nSELECT * FROM finish();\nROLLBACK;\n")
    done = onemedi(project, "lint", "--json")
    found = [(p["file"], p["rule"]) for p in json.loads(done.stdout)["problems"]]
    assert found == [("sql/deploy/gadgets.sql", "security-matrix"),
                     ("sql/deploy/widgets.sql", "security-matrix")], done.stdout
    message = json.loads(done.stdout)["problems"][0]["message"]
    assert "add it to docs/security.md and tests/pgtap/test_rls_catalog.sql" in message
    matrix.write_text(matrix.read_text() + "| `widgets` | SELECT | authenticated | all | w |\n"
                      "| `gadgets` | SELECT | authenticated | all | g |\n")
    catalog.write_text(catalog.read_text().replace(
        "SELECT plan(0);", "SELECT plan(0);\n-- policies_are('public', 'widgets', ...)\n"
        "-- policies_are('public', 'gadgets', ...)"))
    done = onemedi(project, "lint", "--json")
    assert not [p for p in json.loads(done.stdout)["problems"]
                if p["rule"] == "security-matrix"], done.stdout
