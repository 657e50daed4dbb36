"""`onemedi-db docs`, `test` and `doctor` against real databases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import psycopg

from conftest import deployed_db
from onemedi_db.reference import schemadoc

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-m", "onemedi_db", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


# -- docs ------------------------------------------------------------------------------------
def test_docs_are_deterministic_and_cover_every_table(schema_db: str, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        run = _cli("docs", "--target", schema_db, "--out", str(out))
        assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_text() == (second / name).read_text(), name
    assert "README.md" in names and "flowchart LR" in (first / "README.md").read_text()
    assert "erDiagram" in (first / "f-transactions.md").read_text()
    with psycopg.connect(schema_db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition")]
    pages = {n: (first / n).read_text() for n in names if n != "README.md"}
    for table in tables:
        page = schemadoc.group_of(table).slug + ".md"
        assert f"\n## {table}\n" in pages.get(page, ""), f"{table} missing from {page}"

    assert _cli("docs", "--target", schema_db, "--out", str(first), "--check").returncode == 0
    (first / "f-transactions.md").write_text("edited\n")
    drift = _cli("docs", "--target", schema_db, "--out", str(first), "--check")
    assert drift.returncode == 9
    assert "f-transactions.md" in drift.stderr


# -- test ------------------------------------------------------------------------------------
def test_the_real_suite_passes_with_the_right_counts(schema_db: str, tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    run = _cli("test", "--target", schema_db, "--junit", str(junit))
    files = sorted((ROOT / "tests" / "pgtap").glob("test*.sql"))
    planned = 0
    for path in files:
        for line in path.read_text().splitlines():
            if line.strip().lower().startswith("select plan("):
                planned += int(line.split("(")[1].split(")")[0])
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"All tests successful. Files={len(files)}, Tests={planned}" in run.stdout
    suites = ET.parse(junit).getroot()
    assert suites.get("tests") == str(planned) and suites.get("failures") == "0"
    assert len(suites.findall("testsuite")) == len(files)


def test_a_failing_assertion_fails_the_command(schema_db: str, tmp_path: Path) -> None:
    (tmp_path / "test_bad.sql").write_text(
        "BEGIN;\nSELECT plan(3);\nSELECT ok(true, 'fine');\n"
        "SELECT is(1 + 1, 3, 'arithmetic is broken');\n"
        "SELECT todo('known', 1);\nSELECT ok(false, 'a todo does not count');\n"
        "SELECT * FROM finish();\nROLLBACK;\n")
    (tmp_path / "test_good.sql").write_text(
        "BEGIN;\nSELECT plan(1);\nCREATE TABLE public.scratch (id int);\n"
        "SELECT has_table('public', 'scratch', 'created in the rolled-back transaction');\n"
        "SELECT * FROM finish();\nROLLBACK;\n")
    junit = tmp_path / "out.xml"
    run = _cli("test", "--target", schema_db, "--dir", str(tmp_path), "--tap",
               "--junit", str(junit))
    assert run.returncode == 12, run.stdout + run.stderr
    assert "not ok 2 - arithmetic is broken" in run.stdout
    assert "test_bad.sql .. NOT OK: failed 1/3: tests 2" in run.stdout
    assert "test_good.sql .. ok (1 tests)" in run.stdout
    assert "1 of 2 pgTAP file(s) failed: test_bad.sql" in run.stderr
    failures = ET.parse(junit).getroot().findall(".//failure")
    assert len(failures) == 1 and "have: 2" in (failures[0].text or "")
    with psycopg.connect(schema_db) as conn:  # each file was rolled back
        assert conn.execute("SELECT to_regclass('public.scratch')").fetchone() == (None,)
    # Without --tap, a failure still shows why, as pg_prove does: pgTAP's diagnostics.
    plain = _cli("test", "--target", schema_db, "--dir", str(tmp_path))
    lines = plain.stdout.splitlines()
    at = lines.index("    not ok 2 - arithmetic is broken")
    assert [ln.split(":")[0].strip() for ln in lines[at + 1 : at + 4]] == [
        "# Failed test 2", "#         have", "#         want"], plain.stdout
    assert "have: 2" in lines[at + 2] and "want: 3" in lines[at + 3]
    assert "a todo does not count" not in plain.stdout


def test_a_file_that_errors_or_misses_its_plan_fails(schema_db: str, tmp_path: Path) -> None:
    (tmp_path / "test_error.sql").write_text(
        "BEGIN;\nSELECT plan(2);\nSELECT ok(true);\nSELECT 1 / 0;\nSELECT ok(true);\nROLLBACK;\n")
    run = _cli("test", "--target", schema_db, "--dir", str(tmp_path))
    assert run.returncode == 12
    assert "division by zero" in run.stdout and "planned 2 tests but ran 1" in run.stdout


def test_test_creates_pgtap_when_missing(make_db: Callable[[str], str], tmp_path: Path) -> None:
    url = make_db("pgtap")
    (tmp_path / "test_one.sql").write_text(
        "BEGIN;\nSELECT plan(1);\nSELECT pass('pgtap works');\n"
        "SELECT * FROM finish();\nROLLBACK;\n")
    run = _cli("test", "--target", url, "--dir", str(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Created extension pgtap in schema extensions" in run.stderr


# -- doctor ----------------------------------------------------------------------------------
def _checks(run: subprocess.CompletedProcess[str]) -> dict[str, dict[str, str]]:
    return {c["name"]: c for c in json.loads(run.stdout)["checks"]}


def test_doctor_before_deploy_warns_with_the_fix(fresh_db: str) -> None:
    run = _cli("doctor", "--target", fresh_db, "--json")
    assert run.returncode == 0, run.stdout + run.stderr
    checks = _checks(run)
    assert checks["supabase"]["status"] == "WARN"
    assert checks["supabase"]["fix"] == "onemedi-db standin install puts a stand-in here"
    assert checks["server"]["status"] == "OK"
    assert checks["pending"]["status"] == "WARN"
    assert checks["lock"]["status"] == "OK"
    text = _cli("doctor", "--target", fresh_db)
    assert "WARN supabase:" in text.stdout
    assert "fix: onemedi-db standin install puts a stand-in here" in text.stdout


def test_doctor_on_the_deployed_schema(schema_db: str) -> None:
    with psycopg.connect(schema_db, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(75474063)")
        run = _cli("doctor", "--target", schema_db, "--json")
    assert run.returncode == 0, run.stdout + run.stderr
    checks = _checks(run)
    assert "stand-in" in checks["supabase"]["detail"]
    for name in ("server", "roles", "registry", "pending", "extension postgis",
                 "extension btree_gist", "extension pg_trgm", "extension pgtap",
                 "audit partitions", "audit default partition", "audit guard", "audit chain"):
        assert checks[name]["status"] == "OK", checks[name]
    assert checks["lock"]["status"] == "WARN" and "held by pid" in checks["lock"]["detail"]
    assert checks["audit partitions"]["detail"] == "current month and 3 ahead"
    # The shared cluster has no pg_cron (tests/test_audit_cron.py runs one of its own).
    assert checks["audit schedule"]["status"] == "WARN"
    assert "schedule_audit_log_jobs" in checks["audit schedule"]["fix"]


def test_doctor_warns_about_the_audit_log(make_db: Callable[[str], str]) -> None:
    url = deployed_db(make_db, "doctoraudit")
    with psycopg.connect(url, autocommit=True) as conn:
        # What an owner without the guard, or a forgotten schedule, leaves behind.
        conn.execute("DROP EVENT TRIGGER audit_guard_sql_drop")
        conn.execute("DROP EVENT TRIGGER audit_guard_ddl_end")
        for ahead in (2, 3):
            name = conn.execute(
                "SELECT 'audit_logs_' || to_char(date_trunc('month', now() AT TIME ZONE 'UTC')"
                " + make_interval(months => %s), '\"y\"YYYY\"m\"MM')", (ahead,)).fetchone()
            assert name is not None
            conn.execute(f"DROP TABLE private.{name[0]}")
        conn.execute("INSERT INTO public.audit_logs (entity_type, entity_id, action, "
                     "after_state, created_at) VALUES ('orders', 'x', 'INSERT', '{}', "
                     "'2024-02-10 10:00:00+00')")
    run = _cli("doctor", "--target", url, "--json")
    assert run.returncode == 0, run.stdout + run.stderr
    checks = _checks(run)
    assert checks["audit partitions"]["status"] == "WARN"
    assert checks["audit partitions"]["detail"] == (
        "only 1 month(s) of audit_logs partitions lie ahead (fewer than 2)")
    assert checks["audit default partition"]["status"] == "WARN"
    assert checks["audit default partition"]["detail"] == (
        "audit_logs_default holds 1 row(s) of 2024-02")
    assert checks["audit guard"]["status"] == "WARN"
    assert "audit_guard_ddl_end, audit_guard_sql_drop" in checks["audit guard"]["detail"]
    text = _cli("doctor", "--target", url).stdout
    assert "WARN audit partitions: only 1 month(s)" in text
    assert "fix: SELECT private.create_audit_log_partitions(3)" in text


def test_doctor_fails_on_an_unreachable_target() -> None:
    run = _cli("doctor", "--target", "postgresql://postgres@127.0.0.1:1/none")
    assert run.returncode == 1
    assert "FAIL connection" in run.stdout


def test_docs_do_not_depend_on_the_role_that_deployed(schema_db: str) -> None:
    """The same schema owned by another role (deployed by it) renders the same pages: column
    grants are shown without their grantor, which is the deploying role."""
    import uuid

    from onemedi_db.reference import schemadoc

    with psycopg.connect(schema_db) as conn:
        before = schemadoc.render(conn, "")
        role = f"om_docs_owner_{uuid.uuid4().hex[:8]}"
        conn.execute(f"CREATE ROLE {role}")  # rolled back with the transaction
        tables = [r[0] for r in conn.execute(
            "SELECT c.oid::regclass::text FROM pg_class c WHERE c.relnamespace = "
            "'public'::regnamespace AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition")]
        for table in tables:
            conn.execute(f"ALTER TABLE {table} OWNER TO {role}")
        grantors = conn.execute(
            "SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid,"
            " aclexplode(a.attacl) x WHERE c.relnamespace = 'public'::regnamespace"
            " AND pg_get_userbyid(x.grantor) = %s", (role,)).fetchone()
        assert grantors and grantors[0] > 0  # the column grants now name the new owner
        after = schemadoc.render(conn, "")
        conn.rollback()
    assert after == before
