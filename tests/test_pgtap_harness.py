"""The pgTAP harness itself: an unreachable database fails the run, it never skips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_unreachable_database_fails_the_pgtap_run() -> None:
    env = {**os.environ, "ONEMEDI_TEST_ADMIN_URL": "postgresql://postgres@127.0.0.1:1/postgres"}
    env.pop("DATABASE_URL", None)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
         "tests/pgtap/test_reference_data.sql"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode != 0, run.stdout
    assert "cannot reach PostgreSQL" in run.stdout
    assert "skipped" not in run.stdout.splitlines()[-1]
