"""pg_cron schedules the audit log's upkeep (change audit_log_partition_schedule): on a cluster
of this test's own, started with shared_preload_libraries = pg_cron (the shared cluster's
configuration is never touched), the deploy schedules both jobs as the owner and pg_cron runs
them. Needs Debian's postgresql-15-cron (the Makefile's APT_PACKAGES)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from onemedi_db.engine.config import find_project, resolve_target
from onemedi_db.engine.doctor import audit_checks
from onemedi_db.engine.plan import parse_plan
from onemedi_db.engine.runner import Engine, connect
from onemedi_db.supabase import standin

ROOT = Path(__file__).resolve().parent.parent
BIN = Path("/usr/lib/postgresql/15/bin")
DB = "om_cron"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(*cmd: str) -> list[str]:
    return list(cmd) if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="module")
def cron_cluster() -> Iterator[str]:
    """A throwaway cluster with pg_cron preloaded; yields the URL of its database om_cron."""
    if not (BIN / "initdb").exists():
        pytest.fail("PostgreSQL 15 server binaries are missing (make deps)", pytrace=False)
    if not Path("/usr/share/postgresql/15/extension/pg_cron.control").exists():
        pytest.fail("pg_cron is not installed: make deps installs postgresql-15-cron",
                    pytrace=False)
    home = Path(tempfile.mkdtemp(prefix="om_cron_"))
    data = home / "data"
    port = _free_port()
    if os.geteuid() == 0:
        shutil.chown(home, "postgres", "postgres")
    subprocess.run(_as_postgres(str(BIN / "initdb"), "-D", str(data), "-U", "postgres",
                                "--auth=trust", "-E", "UTF8", "--no-instructions"),
                   check=True, capture_output=True)
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(f"port = {port}\nlisten_addresses = '127.0.0.1'\n"
                   f"unix_socket_directories = '{home}'\n"
                   "shared_preload_libraries = 'pg_cron'\n"
                   f"cron.database_name = '{DB}'\ncron.use_background_workers = on\n"
                   "max_worker_processes = 16\nfsync = off\n")
    subprocess.run(_as_postgres(str(BIN / "pg_ctl"), "-D", str(data), "-w", "-l",
                                str(home / "log"), "start"), check=True, capture_output=True)
    try:
        admin = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DB}")
        url = f"postgresql://postgres@127.0.0.1:{port}/{DB}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION pg_cron")
        yield url
    finally:
        subprocess.run(_as_postgres(str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                    "stop"), capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


def _deploy(url: str) -> None:
    project = find_project(ROOT)
    plan = parse_plan(project.plan_file, project.top_dir)
    conn = connect(resolve_target(project, url))
    engine = Engine(project, plan, conn)
    with engine.locked(60):
        standin.install(conn)
        engine.deploy()
    conn.close()


def test_the_deploy_schedules_both_jobs_and_pg_cron_runs_them(cron_cluster: str) -> None:
    _deploy(cron_cluster)
    with psycopg.connect(cron_cluster, autocommit=True) as conn:
        jobs = conn.execute("SELECT jobname, schedule, command, database, username, active "
                            "FROM cron.job ORDER BY jobname").fetchall()
        assert jobs == [
            ("onemedi_audit_log_chain_seal", "* * * * *", "SELECT private.seal_audit_log_chain()",
             DB, "postgres", True),
            ("onemedi_audit_log_partitions", "17 3 * * *",
             "SELECT private.create_audit_log_partitions(3)", DB, "postgres", True),
        ]
        checks = {c.name: c for c in audit_checks(conn)}
        assert checks["audit schedule"].status == "OK", checks["audit schedule"]
        # A committed audit row waits in the queue until the sealing job links it; the
        # partition job is moved to every minute too, to see it run as the owner.
        conn.execute("INSERT INTO public.audit_logs (entity_type, entity_id, action, "
                     "after_state) VALUES ('orders', 'cron', 'INSERT', '{}')")
        assert conn.execute("SELECT count(*) FROM private.audit_log_chain_queue "
                            "WHERE audit_created_at > now() - interval '1 minute'"
                            ).fetchone() == (1,)
        conn.execute("SELECT cron.alter_job(jobid, schedule => '* * * * *') FROM cron.job "
                     "WHERE jobname = 'onemedi_audit_log_partitions'")
        deadline = time.monotonic() + 150
        runs: list[tuple[str, str, str]] = []
        while time.monotonic() < deadline:
            runs = conn.execute(
                "SELECT j.jobname, d.status, coalesce(d.return_message, '') "
                "FROM cron.job_run_details AS d JOIN cron.job AS j USING (jobid) "
                "WHERE d.status IN ('succeeded', 'failed') ORDER BY j.jobname").fetchall()
            if {r[0] for r in runs} == {"onemedi_audit_log_chain_seal",
                                        "onemedi_audit_log_partitions"}:
                break
            time.sleep(2)
        assert {(name, status) for name, status, _ in runs} == {
            ("onemedi_audit_log_chain_seal", "succeeded"),
            ("onemedi_audit_log_partitions", "succeeded")}, runs
        assert conn.execute("SELECT count(*) FROM private.audit_log_chain_queue").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM private.audit_log_chain AS l "
                            "JOIN public.audit_logs AS a ON a.id = l.audit_id "
                            "WHERE a.entity_id = 'cron'").fetchone() == (1,)


def test_the_revert_unschedules_them(cron_cluster: str) -> None:
    project = find_project(ROOT)
    plan = parse_plan(project.plan_file, project.top_dir)
    schedule = next(c for c in plan.changes if c.name == "audit_log_partition_schedule")
    conn = connect(resolve_target(project, cron_cluster))
    engine = Engine(project, plan, conn)
    with engine.locked(60):
        engine.revert(engine.revert_plan(f"@ROOT~{schedule.index - 1}"))
        after_revert = conn.execute("SELECT count(*) FROM cron.job").fetchone()
        engine.deploy()
        after_deploy = conn.execute("SELECT count(*) FROM cron.job").fetchone()
    conn.close()
    assert (after_revert, after_deploy) == ((0,), (2,))
