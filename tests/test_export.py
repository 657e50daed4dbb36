"""`onemedi-db export supabase`: the exported migrations build the schema `deploy` builds.

The migration files are applied one by one with `psql -1` (one transaction each, as
`supabase db push` does) to a database holding only the Supabase stand-in; the exported
pgTAP files then pass under `pg_prove`, and the schema dumps identically to a deploy's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import psycopg

from onemedi_db.engine.config import find_project
from onemedi_db.engine.plan import parse_plan
from onemedi_db.engine.scripts import NO_TRANSACTION_MARKER
from onemedi_db.supabase import standin

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-m", "onemedi_db", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def _psql(url: str, path: Path, single_transaction: bool = True) -> None:
    run = subprocess.run(["psql", "-X", "-q", *(["-1"] if single_transaction else []),
                          "-v", "ON_ERROR_STOP=1", "-d", url, "-f", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, f"{path.name}: {run.stderr}"


def _dump(url: str) -> str:
    out = subprocess.run(
        ["pg_dump", "--schema-only", "--no-owner", "--exclude-schema=sqitch",
         "--exclude-schema=supabase_migrations", url],
        check=True, capture_output=True, text=True,
    ).stdout
    return "\n".join(ln for ln in out.splitlines()
                     if not ln.startswith(("\\restrict", "\\unrestrict")))


def test_exported_migrations_build_the_deployed_schema_and_pass_the_tests(
    make_db: Callable[[str], str], tmp_path: Path
) -> None:
    run = _cli("export", "supabase", str(tmp_path))
    assert run.returncode == 0, run.stderr
    plan = parse_plan(ROOT / "sqitch.plan", ROOT / "sql")
    files = sorted((tmp_path / "supabase" / "migrations").glob("*.sql"))
    assert [re.sub(r"^\d{14}_", "", f.stem) for f in files] == [c.name for c in plan.changes]
    stamps = [f.name[:14] for f in files]
    assert stamps == sorted(set(stamps)), "timestamps must be unique and increasing"
    for change, path in zip(plan.changes, files, strict=True):
        text = path.read_text()
        assert change.id in text.splitlines()[0]
        assert not re.search(r"^\s*(BEGIN|COMMIT)\s*;", text, re.IGNORECASE | re.MULTILINE)
    everything = "\n".join(f.read_text() for f in files)
    assert "CREATE TABLE IF NOT EXISTS auth.users" not in everything, "stand-in exported"

    exported = make_db("export")
    with psycopg.connect(exported, autocommit=True) as conn:
        standin.install(conn, "plain")
    for path in files:
        _psql(exported, path, NO_TRANSACTION_MARKER not in path.read_text())
    deployed = make_db("exportref")
    run = _cli("standin", "install", "--target", deployed)
    assert run.returncode == 0, run.stderr
    run = _cli("deploy", "--target", deployed)
    assert run.returncode == 0, run.stderr
    assert _dump(exported) == _dump(deployed)

    tests = sorted((tmp_path / "supabase" / "tests").glob("*.sql"))
    originals = sorted(p.name for p in (ROOT / "tests" / "pgtap").glob("*.sql"))
    assert [t.name for t in tests] == originals
    prove = subprocess.run(["pg_prove", "-d", exported, *map(str, tests)],
                           capture_output=True, text=True)
    assert prove.returncode == 0, prove.stdout[-3000:] + prove.stderr[-2000:]
    assert "All tests successful" in prove.stdout


def test_export_since_a_tag_writes_only_the_later_changes(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "sqitch.conf", project)
    shutil.copytree(ROOT / "sql", project / "sql")
    shutil.copytree(ROOT / "tests" / "pgtap", project / "tests" / "pgtap")
    lines = (ROOT / "sqitch.plan").read_text().splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("vendor_kyc "))
    lines.insert(at + 1, "@v0.1 2026-11-25T15:13:30Z ONE MEDI DB Team <db@onemedi.in> # test tag")
    (project / "sqitch.plan").write_text("\n".join(lines) + "\n")
    plan = parse_plan(project / "sqitch.plan", project / "sql")
    assert find_project(project).source == "checkout"

    full, since = tmp_path / "full", tmp_path / "since"
    assert _cli("export", "supabase", str(full), cwd=project).returncode == 0
    run = _cli("export", "supabase", str(since), "--since", "@v0.1", cwd=project)
    assert run.returncode == 0, run.stderr
    later = [c.name for c in plan.changes[plan.index_of("@v0.1") + 1 :]]
    got = sorted(p.name for p in (since / "supabase" / "migrations").glob("*.sql"))
    assert [re.sub(r"^\d{14}_|\.sql$", "", n) for n in got] == later
    assert "vendor_kyc" not in " ".join(got) and len(later) < len(plan.changes)
    # The same change gets the same file name and body whether exported alone or in full.
    for name in got:
        assert (since / "supabase" / "migrations" / name).read_text() == \
            (full / "supabase" / "migrations" / name).read_text()

    unknown = _cli("export", "supabase", str(tmp_path / "x"), "--since", "nope", cwd=project)
    assert unknown.returncode == 4
    assert "unknown tag @nope" in unknown.stderr
