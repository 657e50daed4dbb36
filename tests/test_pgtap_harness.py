"""The pgTAP harness itself: an unreachable database fails the run, it never skips; each file
is collected once per stand-in mode that ONEMEDI_STANDIN_MODES selects."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pytest(*args: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    """pytest in a child process; an env value of None unsets that variable."""
    full = {**os.environ, **env, "DATABASE_URL": None}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=ROOT, env={k: v for k, v in full.items() if v is not None},
        capture_output=True, text=True, timeout=120,
    )


def test_unreachable_database_fails_the_pgtap_run() -> None:
    run = _pytest("tests/pgtap/test_reference_data.sql",
                  ONEMEDI_TEST_ADMIN_URL="postgresql://postgres@127.0.0.1:1/postgres",
                  ONEMEDI_STANDIN_ADMIN_URL="postgresql://supabase_admin@127.0.0.1:1/postgres",
                  ONEMEDI_STANDIN_MODES="plain")
    assert run.returncode != 0, run.stdout
    assert "cannot reach PostgreSQL" in run.stdout
    assert "skipped" not in run.stdout.splitlines()[-1]


def test_each_file_is_collected_once_per_selected_mode() -> None:
    run = _pytest("--collect-only", "tests/pgtap/test_reference_data.sql",
                  "tests/pgtap/test_taxonomy.sql", ONEMEDI_STANDIN_MODES="plain,supabase-2026")
    assert run.returncode == 0, run.stdout + run.stderr
    ids = [ln for ln in run.stdout.splitlines() if "::" in ln]
    assert ids == [
        "tests/pgtap/test_reference_data.sql::test_reference_data.sql[plain]",
        "tests/pgtap/test_taxonomy.sql::test_taxonomy.sql[plain]",
        "tests/pgtap/test_reference_data.sql::test_reference_data.sql[supabase-2026]",
        "tests/pgtap/test_taxonomy.sql::test_taxonomy.sql[supabase-2026]",
    ], run.stdout


def test_every_mode_when_unset_or_all() -> None:
    for value in ("all", None):
        run = _pytest("--collect-only", "tests/pgtap/test_taxonomy.sql",
                      ONEMEDI_STANDIN_MODES=value)
        modes = [ln.rsplit("[", 1)[1].rstrip("]") for ln in run.stdout.splitlines() if "::" in ln]
        assert modes == ["plain", "supabase-2024", "supabase-2026"], (value, run.stdout)


def test_an_unknown_mode_is_a_usage_error() -> None:
    run = _pytest("--collect-only", "tests/pgtap/test_taxonomy.sql",
                  ONEMEDI_STANDIN_MODES="plain,supabase-2025")
    assert run.returncode == 4, run.stdout + run.stderr
    assert "unknown mode(s) ['supabase-2025']" in run.stdout + run.stderr
