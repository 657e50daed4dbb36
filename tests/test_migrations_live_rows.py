"""Issue 13's order and prescription rules deployed on a database that already holds rows
breaking them: the migrations report and resolve those rows (or leave a constraint NOT VALID
for a documented clean-up), never skip them silently; the reverts give the rows back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg.errors import Diagnostic

from onemedi_db.engine.config import find_project, resolve_target
from onemedi_db.engine.plan import parse_plan
from onemedi_db.engine.runner import Engine, connect
from onemedi_db.supabase import standin

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "booking_fulfillment_moves"  # the last change before issue 13's rules
PATIENT = "a9e00000-0000-4000-8000-000000000001"
OLDER, NEWER, UNPAID = (f"d9e00000-0000-4000-8000-00000000000{n}" for n in (1, 2, 3))

LIVE_ROWS = f"""
INSERT INTO auth.users (id, email) VALUES ('{PATIENT}', 'live@rows.in');
INSERT INTO public.profiles (id, full_name, role_id)
SELECT '{PATIENT}', 'Live Rows', r.id FROM public.roles AS r WHERE r.name = 'PATIENT';
INSERT INTO public.orders (id, profile_id, status, payment_status, payment_ref,
    delivery_address, delivery_state_code, gross_amount, net_amount, created_at)
SELECT o.id::uuid, '{PATIENT}', o.status::public.order_status, o.pay::public.payment_status,
    o.ref, '{{"line_1": "1 Live St", "city": "Pune", "state_code": "27", "pincode": "411001"}}',
    '27', 0, 0, o.at::timestamptz
FROM (VALUES ('{OLDER}', 'COMPLETED', 'PAID', 'pay_dup', '2026-11-01'),
             ('{NEWER}', 'CONFIRMED', 'PAID', 'pay_dup', '2026-11-02'),
             ('{UNPAID}', 'COMPLETED', 'AWAITING', NULL, '2026-11-03'))
    AS o (id, status, pay, ref, at);
INSERT INTO public.order_artifacts (order_id, type, file_url)
VALUES ('{UNPAID}', 'REPORT', 'lab-reports/{UNPAID}/report.pdf');
"""


def _engine(url: str) -> tuple[Engine, psycopg.Connection[Any]]:
    project = find_project(ROOT)
    conn = connect(resolve_target(project, url))
    return Engine(project, parse_plan(project.plan_file, project.top_dir), conn), conn


def _one(conn: psycopg.Connection[Any], query: str) -> Any:
    row = conn.execute(query).fetchone()
    assert row is not None
    return row[0]


def test_live_rows_are_reported_and_resolved(make_db: Callable[[str], str]) -> None:
    url = make_db("live")
    engine, conn = _engine(url)
    warnings: list[str] = []

    def keep(diag: Diagnostic) -> None:
        if diag.severity_nonlocalized == "WARNING" and diag.message_primary:
            warnings.append(diag.message_primary)

    conn.add_notice_handler(keep)
    with engine.locked(60):
        standin.install(conn)
        engine.deploy(to=BEFORE)
        conn.execute(LIVE_ROWS)
        engine.deploy()

    assert warnings == [
        "1 orders shared a gateway payment reference with an older order: their references "
        "were renamed <ref>#dup-<order id>",
        "1 COMPLETED orders are not PAID: orders_completed_only_when_paid is left NOT VALID "
        "(new rows are checked)",
        "1 order files point outside their order's patient's folders; they are kept but never "
        "open the prescription gate",
    ]
    refs = dict(conn.execute("SELECT id::text, payment_ref FROM public.orders").fetchall())
    assert refs == {OLDER: "pay_dup", NEWER: f"pay_dup#dup-{NEWER}", UNPAID: None}
    assert conn.execute("SELECT order_id::text, payment_ref, kept_by_order_id::text "
                        "FROM private.payment_ref_conflicts").fetchall() == [
        (NEWER, "pay_dup", OLDER)]
    validated = "SELECT convalidated FROM pg_constraint WHERE conname = " \
                "'orders_completed_only_when_paid'"
    assert _one(conn, validated) is False

    # The documented clean-up: record the payment of the unpaid completed order, validate.
    conn.execute("SET ROLE service_role")
    conn.execute(f"SELECT public.record_payment('{UNPAID}', 'PAID', 'cod_live_1', 0)")
    conn.execute("RESET ROLE")
    conn.execute("ALTER TABLE public.orders VALIDATE CONSTRAINT orders_completed_only_when_paid")
    assert _one(conn, validated) is True

    with engine.locked(60):
        engine.revert(engine.revert_plan(BEFORE))
    assert _one(conn, f"SELECT payment_ref FROM public.orders WHERE id = '{NEWER}'") == "pay_dup"
    conn.close()
