"""`deploy` with no --target and no DATABASE_URL: the project's local database, created.

This is what `make deploy` does on a fresh machine (sqitch.conf names `db:pg:onemedi`):
`standin install --if-missing`, then `deploy`; the test uses a database name of its own so
that it never touches `onemedi`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

from conftest import ADMIN_URL, db_url

ROOT = Path(__file__).resolve().parent.parent


def _onemedi(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "onemedi_db", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_deploy_creates_the_local_database_named_in_sqitch_conf(tmp_path: Path) -> None:
    name = f"om_default_{uuid.uuid4().hex[:10]}"
    project = tmp_path / "project"
    shutil.copytree(ROOT / "sql", project / "sql")
    shutil.copy(ROOT / "sqitch.plan", project / "sqitch.plan")
    (project / "sqitch.conf").write_text(
        (ROOT / "sqitch.conf").read_text().replace("db:pg:onemedi", f"db:pg:{name}"))
    info = psycopg.conninfo.conninfo_to_dict(ADMIN_URL)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    # The server the tests use, in libpq's variables (by default none: the socket, PGPORT).
    env.update({var: str(info[key]) for key, var in
                (("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER"),
                 ("password", "PGPASSWORD")) if info.get(key)})
    try:  # as `make deploy`: the stand-in first (it creates the database), then the plan
        installed = _onemedi(project, env, "standin", "install", "--if-missing")
        assert installed.returncode == 0, installed.stdout + installed.stderr
        assert f"Created database {name} (it did not exist)" in installed.stderr
        done = _onemedi(project, env, "deploy", "--to", "states")
        assert done.returncode == 0, done.stdout + done.stderr
        status = _onemedi(project, env, "status")
        assert "# Name:     states" in status.stdout, status.stdout + status.stderr

        # An explicit --target that does not exist is an error, never created.
        missing = db_url(f"{name}_typo")
        refused = _onemedi(project, env, "deploy", "--target", missing)
        assert refused.returncode == 3, refused.stderr
        assert "does not exist" in refused.stderr
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))
