"""The README's `make deploy` and `make test` on a stock Debian or Ubuntu PostgreSQL.

A cluster of its own is created with `pg_createcluster` on a free port, so it has Debian's
default `pg_hba.conf` (peer authentication on the socket, scram-sha-256 on 127.0.0.1) and
no role but postgres: exactly what a new developer's machine has, unlike this machine's
main cluster. `make deploy` must create the developer's role through the postgres account
and deploy over the socket; then a small `make pytest` (the test that deploys the default
database, and one pgTAP suite, with the tests' default connection) must pass there too.
The whole nested `make test` would take as long as this suite; these two prove its commands.
"""

from __future__ import annotations

import os
import pwd
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from onemedi_db.engine.plan import parse_plan

ROOT = Path(__file__).resolve().parent.parent
VERSION = "15"
# What pg_createcluster writes for PostgreSQL 14 and later (its defaults, no local edits).
DEBIAN_HBA = [
    ["local", "all", "postgres", "peer"],
    ["local", "all", "all", "peer"],
    ["host", "all", "all", "127.0.0.1/32", "scram-sha-256"],
    ["host", "all", "all", "::1/128", "scram-sha-256"],
    ["local", "replication", "all", "peer"],
    ["host", "replication", "all", "127.0.0.1/32", "scram-sha-256"],
    ["host", "replication", "all", "::1/128", "scram-sha-256"],
]
ME = pwd.getpwuid(os.geteuid()).pw_name


def _as_root(*cmd: str) -> list[str]:
    return list(cmd) if os.geteuid() == 0 else ["sudo", "-n", *cmd]


def _as_postgres(*cmd: str) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return ["sudo", "-n", "-u", "postgres", *cmd]


def _run(cmd: list[str], env: dict[str, str] | None = None,
         timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def _free_port() -> int:
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if not Path(f"/var/run/postgresql/.s.PGSQL.{port}").exists():
            return port
    raise AssertionError("no free port")


@pytest.fixture(scope="module")
def stock_cluster() -> Iterator[tuple[str, int]]:
    """A fresh Debian cluster (`pg_createcluster`), started; dropped afterwards."""
    name, port = f"om_stock_{uuid.uuid4().hex[:8]}", _free_port()
    made = _run(_as_root("pg_createcluster", VERSION, name, "-p", str(port), "--start"))
    if made.returncode != 0:
        pytest.fail(f"pg_createcluster needs root (or sudo -n): {made.stderr.strip()}",
                    pytrace=False)
    try:
        yield name, port
    finally:
        _run(_as_root("pg_dropcluster", "--stop", VERSION, name))


def _stock_env(port: int) -> dict[str, str]:
    """A developer's shell: no test or target URLs, libpq's defaults but for the port."""
    drop = {"ONEMEDI_TEST_ADMIN_URL", "DATABASE_URL", "PGHOST", "PGHOSTADDR", "PGUSER",
            "PGDATABASE", "PGPASSWORD", "PGSERVICE", "MAKEFLAGS", "MAKELEVEL", "MFLAGS"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, "PGPORT": str(port)}


def _sql(port: int, query: str) -> str:
    done = _run(_as_postgres("psql", "-X", "-p", str(port), "-d", "postgres", "-Atc", query))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_cluster_has_debians_default_authentication(stock_cluster: tuple[str, int]) -> None:
    name, port = stock_cluster
    hba = Path(f"/etc/postgresql/{VERSION}/{name}/pg_hba.conf").read_text()
    rules = [line.split() for line in hba.splitlines() if line.strip()
             and not line.lstrip().startswith("#")]
    assert rules == DEBIAN_HBA
    assert _sql(port, f"SELECT count(*) FROM pg_roles WHERE rolname = '{ME}'") == "0"
    tcp = _run(["psql", "-X", "-w", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                "-d", "postgres", "-c", "SELECT 1"], env=_stock_env(port))
    assert tcp.returncode != 0 and "password" in tcp.stderr, tcp.stderr


def test_make_deploy_and_a_make_pytest_work_there(stock_cluster: tuple[str, int]) -> None:
    _, port = stock_cluster
    env = _stock_env(port)
    assert _sql(port, f"SELECT count(*) FROM pg_roles WHERE rolname = '{ME}'") == "0"

    deploy = _run(["make", "deploy"], env=env, timeout=900)
    out = deploy.stdout + deploy.stderr
    assert deploy.returncode == 0, out[-4000:]
    assert f"Creating PostgreSQL role {ME}" in out
    assert "Created database onemedi (it did not exist)" in out
    assert _sql(port, f"SELECT rolsuper FROM pg_roles WHERE rolname = '{ME}'") == "t"
    planned = len(parse_plan(ROOT / "sqitch.plan", ROOT / "sql").changes)
    deployed = _run(["psql", "-X", "-d", "onemedi", "-Atc",
                     "SELECT count(*) FROM sqitch.changes"], env=env)
    assert deployed.returncode == 0, deployed.stderr
    assert int(deployed.stdout) == planned

    again = _run(["make", "deploy"], env=env, timeout=900)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert "Creating PostgreSQL role" not in again.stdout + again.stderr

    tests = _run(["make", "pytest", "PYTEST_ARGS=-q tests/test_default_target.py "
                  "tests/pgtap/test_reference_data.sql"], env=env, timeout=900)
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]
    summary = tests.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "skipped" not in summary and "failed" not in summary
