"""`onemedi-db doctor`: check the target database and this machine, one line per check.

Each check is OK, WARN (works, but something is missing or unusual) or FAIL (a deploy or
test would not work), with what to do about it. The command exits 1 when any check fails.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import asdict, dataclass
from typing import Any

import psycopg

from ..errors import OnemediError
from .config import Project, Target
from .plan import Plan
from .registry import REGISTRY_VERSION, Registry
from .safety import ADVISORY_LOCK_KEY, lock_holder

EXTENSIONS = ("postgis", "btree_gist", "pg_trgm", "pgtap")
API_ROLES = ("anon", "authenticated", "service_role", "authenticator")
_APT = {"postgis": "postgresql-15-postgis-3", "pgtap": "postgresql-15-pgtap"}


@dataclass(frozen=True)
class Check:
    status: str  # OK, WARN or FAIL
    name: str
    detail: str
    fix: str | None = None


def run_checks(project: Project, plan: Plan, target: Target) -> list[Check]:
    checks = machine_checks(project, plan)
    try:
        conn = psycopg.connect(target.conninfo, autocommit=True, connect_timeout=10,
                               application_name="onemedi-db doctor")
    except psycopg.OperationalError as exc:
        message = str(exc).strip().splitlines()[-1] if str(exc).strip() else repr(exc)
        return [*checks, Check("FAIL", "connection", f"cannot connect to {target.display()}: "
                               f"{message}", "check the URL and that PostgreSQL runs; `make "
                               "deploy` creates the local default database")]
    with conn:
        checks.append(Check("OK", "connection", f"{target.display()} ({target.origin}) as "
                            f"{_one(conn, 'SELECT current_user')}"))
        checks += database_checks(conn, project, plan)
    return checks


def machine_checks(project: Project, plan: Plan) -> list[Check]:
    checks = [
        Check("OK" if sys.version_info >= (3, 11) else "FAIL", "python",
              f"Python {sys.version.split()[0]}", None if sys.version_info >= (3, 11)
              else "use Python 3.11 or newer"),
        Check("OK", "plan", f"{project.source} plan {project.plan_file}: "
              f"{len(plan.changes)} changes, {len(plan.tags)} tags"),
    ]
    for tool, why, fix in (
        ("psql", "PostgreSQL client", "apt-get install postgresql-client-15"),
        ("pg_prove", "runs the pgTAP files outside onemedi-db", "apt-get install pgtap"),
        ("sqitch", "the same registry from Perl (optional)", "apt-get install sqitch "
         "libdbd-pg-perl"),
    ):
        found = shutil.which(tool)
        checks.append(Check("OK" if found else "WARN", tool,
                            f"{found} ({why})" if found else f"not found ({why})",
                            None if found else fix))
    return checks


def _one(conn: psycopg.Connection[Any], query: str, *params: Any) -> Any:
    row = conn.execute(query.encode(), params or None).fetchone()
    return row[0] if row else None


def database_checks(conn: psycopg.Connection[Any], project: Project, plan: Plan) -> list[Check]:
    checks: list[Check] = []
    version = int(_one(conn, "SELECT current_setting('server_version_num')"))
    shown = _one(conn, "SELECT current_setting('server_version')")
    checks.append(Check("OK" if version >= 150000 else "FAIL", "server",
                        f"PostgreSQL {shown}", None if version >= 150000
                        else "use PostgreSQL 15 or newer (Supabase runs 15)"))
    has_auth = bool(_one(conn, "SELECT to_regclass('auth.users') IS NOT NULL "
                               "AND to_regclass('storage.objects') IS NOT NULL"))
    real = bool(_one(conn, "SELECT (to_regclass('auth.schema_migrations') IS NOT NULL "
                           "OR EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_admin')) "
                           "AND coalesce(current_setting('onemedi.standin', true), '') = ''"))
    if has_auth and real:
        checks.append(Check("OK", "supabase", "Supabase's own auth and storage objects"))
    elif has_auth:
        checks.append(Check("OK", "supabase", "the Supabase stand-in (auth, storage, roles, "
                            "schema extensions) is installed"))
    else:
        checks.append(Check("WARN", "supabase", "neither Supabase's objects nor the stand-in "
                            "(auth.users, storage.objects) are here",
                            "onemedi-db standin install puts a stand-in here"))
    superuser = _one(conn, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if not has_auth and not superuser:
        checks.append(Check("FAIL", "privileges", "the stand-in needs a superuser to install",
                            "install it as a superuser (onemedi-db standin install), "
                            "or use a Supabase project"))
    checks += _extension_checks(conn)
    roles = {r[0]: r[1:] for r in conn.execute(
        "SELECT rolname, rolcanlogin, rolbypassrls FROM pg_roles WHERE rolname = ANY (%s)",
        (list(API_ROLES),)).fetchall()}
    missing = [r for r in API_ROLES if r not in roles]
    if missing:
        checks.append(Check("FAIL" if has_auth else "WARN", "roles",
                            f"missing: {', '.join(missing)}",
                            "onemedi-db standin install creates them" if not has_auth
                            else "create the Supabase API roles (see docs/security.md)"))
    elif not roles["service_role"][1]:
        checks.append(Check("WARN", "roles", "service_role lacks BYPASSRLS",
                            "ALTER ROLE service_role BYPASSRLS"))
    else:
        checks.append(Check("OK", "roles", ", ".join(API_ROLES)))
    checks.append(_lock_check(conn))
    checks += _registry_checks(conn, project, plan)
    checks += audit_checks(conn)
    return checks


def _extension_checks(conn: psycopg.Connection[Any]) -> list[Check]:
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT a.name, a.default_version, e.extversion, n.nspname"
        " FROM pg_available_extensions a LEFT JOIN pg_extension e ON e.extname = a.name"
        " LEFT JOIN pg_namespace n ON n.oid = e.extnamespace WHERE a.name = ANY (%s)",
        (list(EXTENSIONS),)).fetchall()}
    checks = []
    for name in EXTENSIONS:
        if name not in rows:
            package = _APT.get(name, "postgresql-contrib")
            checks.append(Check("FAIL" if name != "pgtap" else "WARN", f"extension {name}",
                                "not available on this server",
                                f"install {package} (Debian), or enable it on Supabase"))
            continue
        default, installed, schema = rows[name]
        if installed:
            where_ok = schema == "extensions"
            checks.append(Check("OK" if where_ok else "WARN", f"extension {name}",
                                f"{installed} installed in schema {schema}",
                                None if where_ok else "Supabase keeps extensions in schema "
                                "`extensions` (its advisor flags extensions in public)"))
        else:
            fix = f"onemedi-db {'test' if name == 'pgtap' else 'deploy'} installs it"
            checks.append(Check("OK" if name == "pgtap" else "WARN", f"extension {name}",
                                f"{default} available, not installed", fix))
    return checks


def _lock_check(conn: psycopg.Connection[Any]) -> Check:
    holder = lock_holder(conn)
    if holder is None:
        return Check("OK", "lock", f"advisory lock {ADVISORY_LOCK_KEY} is free")
    return Check("WARN", "lock", f"advisory lock {ADVISORY_LOCK_KEY} held by {holder.describe()}",
                 "a deploy or revert is running: wait for it; a stuck one ends with "
                 f"SELECT pg_terminate_backend({holder.pid})")


def _registry_checks(conn: psycopg.Connection[Any], project: Project, plan: Plan) -> list[Check]:
    registry = Registry(conn, project.registry, plan.project)
    version = registry.version()
    if version is None:
        return [Check("OK", "registry", f"no registry {project.registry} yet",
                      "onemedi-db deploy creates it"),
                Check("WARN", "pending", f"all {len(plan.changes)} changes are pending",
                      "onemedi-db deploy")]
    checks = []
    try:
        registry.check_version()
        checks.append(Check("OK", "registry", f"{project.registry} version {version:g} "
                            f"(this onemedi-db writes {REGISTRY_VERSION})"))
        rows = registry.deployed()
    except OnemediError as exc:
        return [Check("FAIL", "registry", str(exc), exc.hint)]
    for i, row in enumerate(rows):
        if i >= len(plan.changes) or plan.changes[i].id != row.change_id:
            return [*checks, Check("FAIL", "pending", f"deployed change {row.change} "
                                   f"({row.change_id[:12]}) does not match the plan at position "
                                   f"{i + 1}", "see `onemedi-db status` and `git log sqitch.plan`")]
    pending = plan.changes[len(rows):]
    if pending:
        checks.append(Check("WARN", "pending", f"{len(pending)} of {len(plan.changes)} changes "
                            f"pending (next: {pending[0].name})", "onemedi-db deploy"))
    else:
        checks.append(Check("OK", "pending", f"all {len(plan.changes)} changes deployed"))
    return checks


_GUARD = ("audit_guard_ddl_end", "audit_guard_sql_drop")
_JOBS = ("onemedi_audit_log_partitions", "onemedi_audit_log_chain_seal")


def audit_checks(conn: psycopg.Connection[Any]) -> list[Check]:
    """The audit log's partitions ahead, its default partition, DDL guard, jobs and chain."""
    if _one(conn, "SELECT to_regprocedure('public.audit_log_partition_status()')") is None:
        return []
    try:
        current, ahead, rows, months = conn.execute(
            "SELECT has_current_partition, months_ahead, default_rows, default_months::text[]"
            " FROM public.audit_log_partition_status()").fetchone() or (None, 0, 0, [])
        waiting, stale = conn.execute(
            "SELECT count(*), coalesce(min(audit_created_at) < now() - interval '1 hour', "
            "false) FROM private.audit_log_chain_queue").fetchone() or (0, False)
    except psycopg.Error as exc:
        return [Check("WARN", "audit partitions", f"cannot read: {str(exc).strip()}",
                      "run doctor as the owner of public.audit_logs")]
    return [_ahead_check(bool(current), int(ahead)), _default_check(int(rows or 0), months),
            _guard_check(conn), _schedule_check(conn),
            Check("WARN", "audit chain", f"{waiting} audit row(s) wait to be linked, some for "
                  "over an hour", "SELECT private.seal_audit_log_chain() as the owner, and "
                  "schedule it") if stale else
            Check("OK", "audit chain", f"{waiting} audit row(s) wait to be linked")]


def _default_check(rows: int, months: list[str] | None) -> Check:
    if not rows:
        return Check("OK", "audit default partition", "audit_logs_default is empty")
    return Check("WARN", "audit default partition", f"audit_logs_default holds {rows} row(s) "
                 f"of {', '.join(m[:7] for m in months or [])}", "SELECT "
                 "private.create_audit_log_partition('<month>') for each month: it moves them")


def _guard_check(conn: psycopg.Connection[Any]) -> Check:
    found = {r[0] for r in conn.execute(
        "SELECT evtname FROM pg_event_trigger WHERE evtname = ANY (%s) AND evtenabled = 'A'",
        (list(_GUARD),)).fetchall()}
    missing = [g for g in _GUARD if g not in found]
    if missing:
        return Check("WARN", "audit guard", f"event trigger(s) missing or not ALWAYS: "
                     f"{', '.join(missing)}; the owner could disable the audit triggers",
                     "as a superuser (Supabase: postgres with supautils) SELECT "
                     "private.install_audit_ddl_guard()")
    return Check("OK", "audit guard", ", ".join(_GUARD) + " enabled ALWAYS")


def _ahead_check(current: bool, ahead: int) -> Check:
    fix = "SELECT private.create_audit_log_partitions(3) as the owner, and schedule it"
    if not current:
        return Check("WARN", "audit partitions", "the current month has no audit_logs "
                     "partition: its rows go to audit_logs_default", fix)
    if ahead < 2:
        return Check("WARN", "audit partitions", f"only {ahead} month(s) of audit_logs "
                     "partitions lie ahead (fewer than 2)", fix)
    return Check("OK", "audit partitions", f"current month and {ahead} ahead")


def _schedule_check(conn: psycopg.Connection[Any]) -> Check:
    if not _one(conn, "SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_cron')"):
        return Check("WARN", "audit schedule", "pg_cron is not installed: nothing creates "
                     "audit_logs partitions or seals the chain on its own",
                     "enable pg_cron, then SELECT private.schedule_audit_log_jobs(); or run "
                     "both functions from another scheduler")
    jobs = {r[0] for r in conn.execute("SELECT jobname FROM cron.job WHERE jobname = ANY (%s)"
                                       " AND active", (list(_JOBS),)).fetchall()}
    missing = [j for j in _JOBS if j not in jobs]
    if missing:
        return Check("WARN", "audit schedule", f"pg_cron job(s) missing: {', '.join(missing)}",
                     "SELECT private.schedule_audit_log_jobs() as the owner of audit_logs")
    return Check("OK", "audit schedule", ", ".join(_JOBS) + " scheduled")


def as_json(checks: list[Check]) -> dict[str, Any]:
    return {"ok": not any(c.status == "FAIL" for c in checks),
            "checks": [asdict(c) for c in checks]}


def format_check(check: Check) -> list[str]:
    lines = [f"{check.status:<4} {check.name}: {check.detail}"]
    if check.fix and check.status != "OK":
        lines.append(f"     fix: {check.fix}")
    elif check.fix:
        lines.append(f"     note: {check.fix}")
    return lines
