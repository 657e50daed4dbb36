"""Refund requests racing on one order line: the cap holds under real concurrency.

Twenty connections, released together by a barrier, each ask for 30% of what was paid for
one line: exactly three fit (90%), the other seventeen get OM030, and the line's refunds
never exceed what was paid. The same race through direct INSERTs (the cap trigger) and the
REPEATABLE READ refusal are checked too.
"""

from __future__ import annotations

import json
import threading
import uuid
from decimal import Decimal
from typing import Any

import psycopg
import pytest

PAID = Decimal("1050.00")  # 2 x 525 tax-inclusive: 1000 taxable + 25 CGST + 25 SGST
SHARE = Decimal("315.00")  # 30% of what was paid
RACERS = 20


def make_paid_line(url: str) -> tuple[str, str]:
    """Commit a patient and a PAID order with one line of 1050; return (patient, line)."""
    patient, owner, vendor, medicine, catalog, order, line = (uuid.uuid4() for _ in range(7))
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute(
            "INSERT INTO auth.users (id, email) VALUES (%s, %s), (%s, %s)",
            (patient, f"{patient}@example.in", owner, f"{owner}@example.in"),
        )
        conn.execute(
            "INSERT INTO public.profiles (id, full_name, role_id)"
            " SELECT %s, 'Racer', id FROM public.roles WHERE name = 'PATIENT'"
            " UNION ALL"
            " SELECT %s, 'Owner', id FROM public.roles WHERE name = 'VENDOR_ADMIN'",
            (patient, owner),
        )
        conn.execute(
            "INSERT INTO public.vendors (id, name, type, owner_id)"
            " VALUES (%s, 'Race Pharmacy', 'PHARMACY', %s)",
            (vendor, owner),
        )
        conn.execute(
            "INSERT INTO public.medicine_master (id, name, hsn_code) VALUES (%s, %s, '3004')",
            (medicine, f"Racetamol {medicine.hex[:8]}"),
        )
        conn.execute(
            "INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id)"
            " VALUES (%s, 'MEDICINE', 'medicine_master', %s)",
            (catalog, medicine),
        )
        conn.execute(
            "INSERT INTO public.orders (id, profile_id, status, payment_status, payment_ref,"
            " delivery_address, delivery_state_code, gross_amount, tax_amount, net_amount)"
            " VALUES (%s, %s, 'COMPLETED', 'PAID', %s, %s, '36', 1050, 50, 1050)",
            (
                order,
                patient,
                f"pay_race_{order.hex[:12]}",  # one gateway payment per order
                json.dumps(
                    {"line_1": "1 Race Road", "city": "Hyderabad", "state_code": "36",
                     "pincode": "500001"}
                ),
            ),
        )
        conn.execute(
            "INSERT INTO public.order_items (id, order_id, service_catalog_id, vendor_id, qty,"
            " unit_price, taxable_value, hsn_code, gst_rate, cgst, sgst, supplier_state_code,"
            " service_snapshot)"
            # 1050 * 5 / 210 = 25 each of CGST and SGST inside 2 x 525
            " VALUES (%s, %s, %s, %s, 2, 525, 1000, '3004', 5, 25, 25, '36', %s)",
            (
                line,
                order,
                catalog,
                vendor,
                json.dumps(
                    {"name": "Racetamol", "service_type": "MEDICINE", "version": 1,
                     "price": 525, "vendor_id": str(vendor)}
                ),
            ),
        )
    return str(patient), str(line)


def act_as(conn: psycopg.Connection[Any], role: str, sub: str | None) -> None:
    claims: dict[str, str] = {"role": role}
    if sub is not None:
        claims["sub"] = sub
    conn.execute(f"SET ROLE {role}")
    conn.execute("SELECT set_config('request.jwt.claims', %s, false)", (json.dumps(claims),))


def race(url: str, role: str, sub: str | None, statement: str, params: tuple[Any, ...]
         ) -> list[str]:
    """Run `statement` once on each of RACERS connections at once; return the outcomes
    ('ok' or the SQLSTATE)."""
    conns = [psycopg.connect(url, autocommit=True) for _ in range(RACERS)]
    barrier = threading.Barrier(RACERS)
    outcomes: list[str] = ["unset"] * RACERS

    def run(i: int) -> None:
        conn = conns[i]
        try:
            barrier.wait(timeout=30)
            conn.execute(statement, params)
            outcomes[i] = "ok"
        except psycopg.Error as exc:
            outcomes[i] = exc.sqlstate or repr(exc)

    try:
        for conn in conns:
            act_as(conn, role, sub)
        threads = [threading.Thread(target=run, args=(i,)) for i in range(RACERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    finally:
        for conn in conns:
            conn.close()
    return outcomes


def refunded(url: str, line: str) -> tuple[int, Decimal]:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*), coalesce(sum(amount), 0) FROM public.refunds"
            " WHERE order_item_id = %s AND status NOT IN ('REJECTED', 'FAILED')",
            (line,),
        ).fetchone()
    assert row is not None
    return int(row[0]), Decimal(row[1])


def test_twenty_requests_for_30_percent_three_succeed(rules_db: str) -> None:
    patient, line = make_paid_line(rules_db)
    outcomes = race(
        rules_db, "authenticated", patient,
        "SELECT public.request_refund(%s, %s, 'racing request')", (line, SHARE),
    )
    assert sorted(outcomes).count("ok") == 3, outcomes
    assert outcomes.count("OM030") == RACERS - 3, outcomes
    count, total = refunded(rules_db, line)
    assert count == 3
    assert total == 3 * SHARE
    assert total <= PAID


def test_direct_inserts_racing_are_capped_by_the_trigger(rules_db: str) -> None:
    _, line = make_paid_line(rules_db)
    outcomes = race(
        rules_db, "service_role", None,
        "INSERT INTO public.refunds (order_item_id, amount, reason)"
        " VALUES (%s, %s, 'racing insert')", (line, SHARE),
    )
    assert outcomes.count("ok") == 3, outcomes
    assert outcomes.count("23514") == RACERS - 3, outcomes
    count, total = refunded(rules_db, line)
    assert (count, total) == (3, 3 * SHARE)


def test_repeatable_read_is_refused(rules_db: str) -> None:
    patient, line = make_paid_line(rules_db)
    with psycopg.connect(rules_db) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        act_as(conn, "authenticated", patient)
        with pytest.raises(psycopg.Error) as info:
            conn.execute("SELECT public.request_refund(%s, 10, 'snapshot')", (line,))
        assert info.value.sqlstate == "OM033"
