"""The data generators: `seed --scale` keeps every rule it bypasses and is deterministic;
`seed --demo` runs through the database's functions, twice alike, and its logins exist.
No timings here (bench/ measures them)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from conftest import ROOT, _admin, db_url
from seed_rules import fk_violations, rule_violations, unknown_insert_triggers

ANCHOR = date(2026, 6, 15)
N = 300
CHECKSUM_TABLES = ["orders", "order_items", "audit_logs", "medicine_master",
                   "availability_slots", "service_bookings", "vendor_locations"]


@pytest.fixture(scope="module")
def deployed_db() -> Iterator[Callable[[], str]]:
    """Factory of fresh databases (named h8_seed_*) with the whole plan deployed."""
    from onemedi_db.engine.config import find_project, resolve_target
    from onemedi_db.engine.plan import parse_plan
    from onemedi_db.engine.runner import Engine, connect
    from onemedi_db.supabase import standin

    created: list[str] = []

    def factory() -> str:
        name = f"h8_seed_{uuid.uuid4().hex[:10]}"
        with _admin() as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        url = db_url(name)
        project = find_project(ROOT)
        conn = connect(resolve_target(project, url))
        engine = Engine(project, parse_plan(project.plan_file, project.top_dir), conn)
        with engine.locked(60):
            if standin.is_needed(conn):
                standin.install(conn)
            engine.deploy()
        conn.close()
        return url

    yield factory
    with _admin() as admin:
        for name in created:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                          .format(sql.Identifier(name)))


def checksums(url: str, tables: list[str]) -> dict[str, str]:
    with psycopg.connect(url) as conn:
        return {t: conn.execute(sql.SQL("SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY "
                                        "x::text), '')) FROM public.{} AS x")
                                .format(sql.Identifier(t))).fetchone()[0]  # type: ignore[index]
                for t in tables}


@pytest.fixture(scope="module")
def scaled(deployed_db: Callable[[], str]) -> tuple[str, Any]:
    from onemedi_db.seed.scale import seed_scale

    url = deployed_db()
    return url, seed_scale(url, N, seed=7, anchor=ANCHOR, progress=False)


def test_scale_loads_every_table_it_promises(scaled: tuple[str, Any]) -> None:
    url, report = scaled
    assert report.counts["public.orders"] == N
    assert 2.5 * N < report.counts["public.order_items"] < 3.5 * N
    for table in ("public.service_bookings", "public.refunds", "public.coupon_redemptions",
                  "public.order_invoices", "public.vendor_payouts", "public.audit_logs",
                  "public.medicine_alternatives", "public.availability_slots"):
        assert report.counts[table] > 0, table
    with psycopg.connect(url) as conn:
        versions = conn.execute("SELECT count(*) FROM public.medicine_master "
                                "WHERE version > 1").fetchone()
        assert versions is not None and versions[0] > 0


def test_scale_keeps_every_foreign_key(scaled: tuple[str, Any]) -> None:
    with psycopg.connect(scaled[0]) as conn:
        broken = {k: v for k, v in fk_violations(conn).items() if v}
    assert broken == {}


def test_scale_keeps_every_trigger_rule(scaled: tuple[str, Any]) -> None:
    with psycopg.connect(scaled[0]) as conn:
        broken = {k: v for k, v in rule_violations(conn).items() if v}
        unknown = unknown_insert_triggers(conn)
    assert broken == {}
    assert unknown == [], ("INSERT triggers that seed --scale bypasses without a check in "
                           "tests/seed_rules.py")


def test_scale_is_deterministic(scaled: tuple[str, Any], deployed_db: Callable[[], str]) -> None:
    from onemedi_db.seed.scale import seed_scale

    other = deployed_db()
    seed_scale(other, N, seed=7, anchor=ANCHOR, progress=False)
    assert checksums(scaled[0], CHECKSUM_TABLES) == checksums(other, CHECKSUM_TABLES)


def test_scale_refuses_a_database_with_data(scaled: tuple[str, Any]) -> None:
    from onemedi_db.seed.scale import SeedRefused, seed_scale

    with pytest.raises(SeedRefused, match="already has profiles or orders"):
        seed_scale(scaled[0], N, seed=7, anchor=ANCHOR, progress=False)


DEMO_CONTENT = {
    "orders": "SELECT string_agg(concat_ws(',', profile_id, status, payment_status, "
              "gross_amount, discount_amount, tax_amount, net_amount, delivery_state_code), '|' "
              "ORDER BY profile_id, net_amount) FROM public.orders",
    "order_items": "SELECT string_agg(concat_ws(',', service_catalog_id, vendor_id, qty, "
                   "unit_price, discount_amount, gst_rate, cgst, sgst, utgst, igst), '|' ORDER BY "
                   "service_catalog_id, unit_price) FROM public.order_items",
    "bookings": "SELECT string_agg(concat_ws(',', patient_id, slot_id, fulfillment_status), '|' "
                "ORDER BY patient_id, slot_id) FROM public.service_bookings",
    "refunds": "SELECT string_agg(concat_ws(',', amount, status), '|' ORDER BY amount) "
               "FROM public.refunds",
    "masters": "SELECT string_agg(concat_ws(',', parent_id, version, name, pack_size), '|' "
               "ORDER BY name, version) FROM public.medicine_master",
}


def test_demo_twice_from_scratch_is_identical(deployed_db: Callable[[], str]) -> None:
    from onemedi_db.seed.demo import seed_demo

    outputs, contents = [], []
    for _ in range(2):
        url = deployed_db()
        logins = seed_demo(url, seed=1)
        outputs.append(logins.text())
        with psycopg.connect(url) as conn:
            contents.append({k: conn.execute(q.encode()).fetchone()
                             for k, q in DEMO_CONTENT.items()})
            statuses = {r[0] for r in conn.execute("SELECT DISTINCT status::text FROM "
                                                   "public.orders")}
            assert statuses == {"PENDING", "CONFIRMED", "PROCESSING", "OUT_FOR_DELIVERY",
                                "COMPLETED", "CANCELLED"}
            users = [logins.admin] + [p[0] for p in logins.patients] + [v[0] for v in
                                                                         logins.vendors]
            found = conn.execute("SELECT count(*) FROM public.profiles WHERE id = ANY(%s::uuid[])",
                                 (users,)).fetchone()
            assert found is not None and found[0] == len(users)
            assert {k: v for k, v in fk_violations(conn).items() if v} == {}
            assert {k: v for k, v in rule_violations(conn).items() if v} == {}
    assert outputs[0] == outputs[1]
    assert contents[0] == contents[1]


def test_demo_patient_sees_only_own_orders(deployed_db: Callable[[], str]) -> None:
    from onemedi_db.seed.demo import seed_demo

    url = deployed_db()
    logins = seed_demo(url, seed=1)
    patient = logins.patients[0][0]
    with psycopg.connect(url) as conn, conn.transaction():
        conn.execute("SET LOCAL ROLE authenticated")
        conn.execute("SELECT set_config('request.jwt.claims', %s, true)",
                     (f'{{"sub": "{patient}", "role": "authenticated"}}',))
        owners = {r[0] for r in conn.execute("SELECT profile_id::text FROM public.orders")}
    assert owners == {patient}


def test_scale_from_the_cli_writes_docs_only_when_asked(
    deployed_db: Callable[[], str], tmp_path: Path
) -> None:
    """`seed --scale` in a checkout leaves docs/benchmarks.md alone unless --docs is given."""
    import shutil
    import subprocess
    import sys

    from onemedi_db.seed.run import MARK_BEGIN, MARK_END

    for name in ("sqitch.conf", "sqitch.plan"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "benchmarks.md"
    original = f"# Benchmarks\n\n{MARK_BEGIN}\nold figures\n{MARK_END}\n"
    page.write_text(original)

    def seed(url: str, *extra: str) -> None:
        done = subprocess.run([sys.executable, "-m", "onemedi_db", "seed", "--scale", "20",
                               "--anchor", ANCHOR.isoformat(), "--target", url, *extra],
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr

    seed(deployed_db())
    assert page.read_text() == original
    seed(deployed_db(), "--docs")
    assert "old figures" not in page.read_text() and MARK_BEGIN in page.read_text()
