"""The built wheel works on its own: installed in a new venv, run outside the checkout.

It must carry the plan, the scripts and the pgTAP suites (`_bundle`), use them when no
checkout is around (`status` says "bundled"), and deploy, verify, test and revert with them.
Installed without extras it has no sqlfluff (the `lint` extra), and `lint` says so in one line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None,
         timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel built from this checkout, installed without extras in a new venv."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    dist = tmp_path / "dist"
    build = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                  "-q", "-w", str(dist), str(ROOT)], cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("onemedi_db-*.whl")
    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path).returncode == 0
    install = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                    "--disable-pip-version-check", str(wheel)], cwd=tmp_path)
    assert install.returncode == 0, install.stderr
    return Installed(wheel, venv)


def _outside_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "VIRTUAL_ENV", "PYTHONPATH")}


def test_the_wheel_deploys_its_bundled_plan_from_anywhere(
    make_db: Callable[[str], str], tmp_path: Path, installed: Installed
) -> None:
    wheel, venv = installed.wheel, installed.venv
    names = zipfile.ZipFile(wheel).namelist()
    for required in ("onemedi_db/_bundle/sqitch.plan", "onemedi_db/_bundle/sqitch.conf",
                     "onemedi_db/_bundle/sql/deploy/orders.sql",
                     "onemedi_db/_bundle/tests/pgtap/test_orders.sql",
                     "onemedi_db/_bundle/tests/pgtap/000_test_helpers.sql",
                     "onemedi_db/supabase/standin_base.sql",
                     "onemedi_db/supabase/standin_supabase.sql"):
        assert required in names, required

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = _outside_env()
    url = make_db("wheel")
    cli = str(venv / "bin" / "onemedi-db")

    def onemedi(*args: str) -> subprocess.CompletedProcess[str]:
        return _run([cli, *args, "--target", url], cwd=work, env=env)

    install = onemedi("standin", "install")
    assert install.returncode == 0, install.stdout + install.stderr
    deploy = onemedi("deploy")
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert "bundled plan" in deploy.stdout
    status = onemedi("status", "--json")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["plan_source"] == "bundled" and data["pending"] == []
    assert "/site-packages/onemedi_db/_bundle/" in data["plan_file"]
    assert onemedi("verify").returncode == 0
    tested = onemedi("test")  # the bundled pgTAP suites, every file run
    ran = [ln for ln in tested.stdout.splitlines() if ".sql .. " in ln]
    assert len(ran) == len(list((ROOT / "tests" / "pgtap").glob("test*.sql"))), tested.stdout
    all_ok = all(" .. ok (" in ln for ln in ran)
    assert tested.returncode == (0 if all_ok else 12), tested.stdout + tested.stderr
    revert = onemedi("revert", "-y")
    assert revert.returncode == 0, revert.stderr
    assert json.loads(onemedi("status", "--json").stdout)["last_change"] is None
    removed = onemedi("standin", "remove", "-y")
    assert removed.returncode == 0, removed.stdout + removed.stderr


def test_a_deploy_only_install_lints_nothing_and_names_the_extra(
    tmp_path: Path, installed: Installed
) -> None:
    """Installed without extras there is no sqlfluff; `lint` says how to get it, in one line,
    with exit 1 (README: "other failure"), never a traceback, and writes nothing else."""
    python = str(installed.venv / "bin" / "python")
    probe = _run([python, "-c", "import sqlfluff"], cwd=tmp_path, env=_outside_env())
    assert probe.returncode != 0 and "No module named 'sqlfluff'" in probe.stderr, probe.stderr
    for args in (["lint"], ["lint", "--json"]):
        done = _run([str(installed.venv / "bin" / "onemedi-db"), *args], cwd=tmp_path,
                    env=_outside_env())
        assert done.returncode == 1, done.stdout + done.stderr
        assert done.stdout == ""
        plan_line, *lines = done.stderr.splitlines()
        assert plan_line.startswith("onemedi-db: plan ") and "bundled" in plan_line, plan_line
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("onemedi-db: error: "), lines
        assert "pip install 'onemedi-db[lint]'" in lines[0], lines


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def test_a_project_with_its_plan_elsewhere_gets_its_own_plan(
    make_db: Callable[[str], str], tmp_path: Path, installed: Installed
) -> None:
    """sqitch.conf's plan_file and top_dir are the project's: never the bundled plan."""
    root = tmp_path / "other"
    for kind in ("deploy", "revert", "verify"):
        (root / "db" / kind).mkdir(parents=True)
    (root / "plans").mkdir()
    (root / "sqitch.conf").write_text("[core]\n\tengine = pg\n\tplan_file = plans/other.plan\n"
                                      "\ttop_dir = db\n")
    (root / "plans" / "other.plan").write_text(
        "%syntax-version=1.0.0\n%project=other\n\n"
        "widgets 2024-01-01T00:00:00Z Other Planner <other@example.com>\n")
    (root / "db" / "deploy" / "widgets.sql").write_text(
        "BEGIN;\nCREATE TABLE widgets (id int);\nCOMMIT;\n")
    (root / "db" / "revert" / "widgets.sql").write_text("BEGIN;\nDROP TABLE widgets;\nCOMMIT;\n")
    (root / "db" / "verify" / "widgets.sql").write_text(
        "BEGIN;\nSELECT id FROM widgets;\nROLLBACK;\n")
    url = make_db("other")
    cli = str(installed.venv / "bin" / "onemedi-db")
    below = root / "db" / "deploy"  # a folder inside the project: found walking up
    for cwd in (root, below):
        status = _run([cli, "status", "--json", "--target", url], cwd=cwd, env=_outside_env())
        assert status.returncode == 0, status.stderr
        assert status.stderr.splitlines()[0] == (
            f"onemedi-db: plan {root / 'plans' / 'other.plan'} (project {root / 'sqitch.conf'})")
        data = json.loads(status.stdout)
        assert (data["project"], data["pending"], data["plan_source"]) == (
            "other", ["widgets"], "checkout")
    deploy = _run([cli, "deploy", "--target", url], cwd=below, env=_outside_env())
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    done = psycopg.connect(url).execute("SELECT project, change FROM sqitch.changes").fetchall()
    assert done == [("other", "widgets")]


def test_authoring_never_writes_into_the_package(tmp_path: Path, installed: Installed) -> None:
    cli = str(installed.venv / "bin" / "onemedi-db")
    (bundle,) = installed.venv.glob("lib/python*/site-packages/onemedi_db/_bundle")
    before = _tree(bundle)
    away = tmp_path / "away"
    away.mkdir()
    for cwd in (away, bundle, bundle / "sql" / "deploy"):
        for args in (["add", "widgets"], ["tag", "v9"], ["rework", "orders"]):
            done = _run([cli, *args], cwd=cwd, env=_outside_env())
            assert done.returncode == 4, (cwd, args, done.stdout, done.stderr)
            error = done.stderr.splitlines()[1]
            assert error.startswith(f"onemedi-db: error: {args[0]} writes a sqitch project"), error
            assert "is read-only" in error
    assert _tree(bundle) == before
    assert not list(away.iterdir())
