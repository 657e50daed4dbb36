"""The stand-in is explicit, removable and reported (issue 16): `deploy` never installs it
unasked; `standin install` does, or `[onemedi] standin` in a project's sqitch.conf for local
targets; never over Supabase's own objects or another project's registry; `standin remove`
puts the database back as it was, search_path and grants included."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import psycopg
import pytest

from onemedi_db.commands.standin import is_local
from onemedi_db.engine.config import Target

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-m", "onemedi_db", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def _one(url: str, query: str) -> Any:
    with psycopg.connect(url) as conn:
        row = conn.execute(query).fetchone()
        return row[0] if row else None


def _fingerprint(url: str) -> dict[str, Any]:
    """What the stand-in may touch in a database, to compare before and after."""
    queries = {
        "schemas": "SELECT array_agg(nspname ORDER BY nspname) FROM pg_namespace "
                   "WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
        "extensions": "SELECT array_agg(extname ORDER BY extname) FROM pg_extension",
        "settings": "SELECT array_agg(s ORDER BY s) FROM pg_db_role_setting, unnest(setconfig) "
                    "AS s WHERE setdatabase = (SELECT oid FROM pg_database "
                    "WHERE datname = current_database())",
        "database_acl": "SELECT datacl::text FROM pg_database WHERE datname = current_database()",
        "public_acl": "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'",
        "default_acl": "SELECT count(*) FROM pg_default_acl",
        "event_triggers": "SELECT count(*) FROM pg_event_trigger",
    }
    return {name: _one(url, q) for name, q in queries.items()}


def test_deploy_never_installs_the_standin_unasked(fresh_db: str) -> None:
    run = _cli("deploy", "--target", fresh_db)
    assert run.returncode == 5, run.stdout + run.stderr  # the plan's first change needs it
    assert "no Supabase objects" in run.stdout and "onemedi-db standin install" in run.stdout
    assert _one(fresh_db, "SELECT to_regnamespace('auth') IS NULL") is True
    assert _one(fresh_db, "SELECT count(*) FROM pg_extension WHERE extname = 'postgis'") == 0


def test_install_deploy_revert_remove_leaves_the_database_as_it_was(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{conn.info.dbname}" SET search_path = app, public')
        conn.execute("GRANT USAGE ON SCHEMA public TO anon")  # there before: must stay
    before = _fingerprint(fresh_db)
    installed = _cli("standin", "install", "--target", fresh_db)
    assert installed.returncode == 0, installed.stderr
    assert "Installed the Supabase stand-in, mode plain" in installed.stdout
    assert _one(fresh_db, "SELECT current_setting('search_path')") == "app, public, extensions"
    assert _one(fresh_db, "SELECT current_setting('onemedi.standin')") == "plain"
    again = _cli("standin", "install", "--target", fresh_db)
    assert again.returncode == 0 and "Converged" in again.stdout, again.stdout + again.stderr
    deployed = _cli("deploy", "--target", fresh_db)
    assert deployed.returncode == 0, deployed.stderr
    assert "Installing the Supabase stand-in" not in deployed.stdout
    refused = _cli("standin", "remove", "-y", "--target", fresh_db)
    assert refused.returncode == 1 and "still deployed" in refused.stderr, refused.stderr
    assert _cli("revert", "-y", "--target", fresh_db).returncode == 0
    removed = _cli("standin", "remove", "-y", "--target", fresh_db)
    assert removed.returncode == 0, removed.stderr
    assert "search_path is app, public again" in removed.stdout
    after = _fingerprint(fresh_db)
    after["schemas"] = [s for s in after["schemas"] if s != "sqitch"]  # the registry stays
    assert after == before


@pytest.mark.parametrize("mode", ["supabase-2024", "supabase-2026"])
def test_a_platform_mode_installs_and_removes_cleanly(fresh_db: str, mode: str) -> None:
    before = _fingerprint(fresh_db)
    installed = _cli("standin", "install", "--mode", mode, "--target", fresh_db)
    assert installed.returncode == 0, installed.stderr
    assert f"mode {mode}" in installed.stdout
    # Role postgres is a superuser on the machine's own cluster: the installer says so.
    assert "role postgres is a superuser on this server" in installed.stdout
    assert ("default privileges" in installed.stdout) == (mode == "supabase-2024")
    assert _one(fresh_db, "SELECT count(*) FROM pg_default_acl") == (
        before["default_acl"] + (3 if mode == "supabase-2024" else 0))
    other = _cli("standin", "install", "--mode", "plain", "--target", fresh_db)
    assert other.returncode == 1 and f"installed here in mode '{mode}'" in other.stderr
    removed = _cli("standin", "remove", "-y", "--target", fresh_db)
    assert removed.returncode == 0, removed.stderr
    assert _fingerprint(fresh_db) == before


def test_install_refuses_supabase_objects_it_did_not_make(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY); "
                     "CREATE SCHEMA storage; CREATE TABLE storage.objects (id uuid)")
    refused = _cli("standin", "install", "--target", fresh_db)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "already has auth.users and storage.objects" in refused.stderr
    skipped = _cli("standin", "install", "--if-missing", "--target", fresh_db)
    assert skipped.returncode == 0 and "nothing to install" in skipped.stdout, skipped.stderr
    assert _one(fresh_db, "SELECT to_regnamespace('extensions')") is None


def test_install_refuses_a_database_with_another_projects_registry(
    fresh_db: str, tmp_path: Path
) -> None:
    (tmp_path / "sqitch.conf").write_text('[core]\n\tengine = pg\n')
    (tmp_path / "sqitch.plan").write_text(
        "%syntax-version=1.0.0\n%project=ledger\n\n"
        "accounts 2026-01-01T00:00:00Z A <a@example.in> # accounts\n")
    for kind, body in (("deploy", "CREATE TABLE accounts (id int);"),
                       ("revert", "DROP TABLE accounts;"), ("verify", "SELECT id FROM accounts;")):
        (tmp_path / kind).mkdir()
        (tmp_path / kind / "accounts.sql").write_text(f"BEGIN;\n{body}\nCOMMIT;\n")
    assert _cli("deploy", "--target", fresh_db, cwd=tmp_path).returncode == 0
    refused = _cli("standin", "install", "--target", fresh_db)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "registry of another project ('ledger')" in refused.stderr
    assert _one(fresh_db, "SELECT to_regnamespace('auth')") is None


def test_a_project_key_installs_it_for_local_targets_and_says_so(
    fresh_db: str, tmp_path: Path
) -> None:
    conf = (ROOT / "sqitch.conf").read_text() + "[onemedi]\n\tstandin = supabase-2026\n"
    (tmp_path / "sqitch.conf").write_text(conf)
    shutil.copy(ROOT / "sqitch.plan", tmp_path / "sqitch.plan")
    (tmp_path / "sql").symlink_to(ROOT / "sql")
    run = _cli("deploy", "--target", fresh_db, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert ("Installing the Supabase stand-in, mode supabase-2026 (sqitch.conf [onemedi] "
            "standin") in run.stdout
    assert _one(fresh_db, "SELECT current_setting('onemedi.standin')") == "supabase-2026"
    again = _cli("deploy", "--target", fresh_db, cwd=tmp_path)
    assert again.returncode == 0 and "Installing" not in again.stdout, again.stdout


@pytest.mark.parametrize(("conninfo", "local"), [
    ("dbname=onemedi", True),
    ("postgresql://postgres@127.0.0.1:5432/onemedi", True),
    ("postgresql://postgres@localhost/onemedi", True),
    ("host=/var/run/postgresql dbname=onemedi", True),
    ("postgresql://postgres@[::1]:5432/onemedi", True),
    ("postgresql://postgres@db.abcd.supabase.co:5432/postgres", False),
    ("host=10.0.0.7 dbname=onemedi", False),
])
def test_local_targets_are_this_machines(conninfo: str, local: bool,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGHOST", raising=False)
    assert is_local(Target(conninfo, "onemedi", "--target")) is local
