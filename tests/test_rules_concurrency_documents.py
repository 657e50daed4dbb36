"""GST document series under real concurrency: one series per registration and year.

Orders are committed by a superuser connection into the session's `rules_db`; each client is
a thread with its own connection acting as the backend (`SET ROLE service_role`), dispatching
one order (status OUT_FOR_DELIVERY, which issues its tax invoice), all released together by a
barrier. Some clients roll their dispatch back: their numbers must come back to the series,
so the committed invoices are numbered 1..n without a gap or a repeat (CGST Rules r.46(b)).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest

from gst_support import random_pan, regular_gstin

TIMEOUT = 60.0
ORDERS = 24


@dataclass
class Shop:
    url: str
    vendor: uuid.UUID
    orders: list[uuid.UUID]
    other_state_orders: list[uuid.UUID]
    telangana_gstin: str


def _orders(conn: psycopg.Connection[Any], n: int, patient: uuid.UUID, catalog: uuid.UUID,
            vendor: uuid.UUID, state: str, snapshot: str) -> list[uuid.UUID]:
    """n PROCESSING orders of one 40.00 line each, tax-inclusive, supplied from `state`."""
    ids = [uuid.uuid4() for _ in range(n)]
    address = (
        '{"line_1": "1 MG Road", "city": "Bengaluru", "state_code": "29", "pincode": "560001"}'
    )
    intra = state == "29"
    conn.execute(
        "INSERT INTO public.orders (id, profile_id, status, delivery_address,"
        " delivery_state_code, gross_amount, tax_amount, net_amount)"
        " SELECT o, %s, 'PROCESSING', %s::jsonb, '29', 40.00, 1.90, 40.00"
        " FROM unnest(%s::uuid[]) AS o",
        (patient, address, ids),
    )
    # Within a state 40 * 5 / 210 = 0.952... so 0.95 + 0.95; between states IGST 1.90.
    conn.execute(
        "INSERT INTO public.order_items (order_id, service_catalog_id, vendor_id, qty,"
        " unit_price, taxable_value, hsn_code, gst_rate, cgst, sgst, igst,"
        " supplier_state_code, service_snapshot)"
        " SELECT o, %s, %s, 1, 40.00, 38.10, '3004', 5, %s, %s, %s, %s, %s::jsonb"
        " FROM unnest(%s::uuid[]) AS o",
        (catalog, vendor, 0.95 if intra else 0, 0.95 if intra else 0, 0 if intra else 1.90,
         state, snapshot, ids),
    )
    return ids


@pytest.fixture(scope="module")
def shop(rules_db: str) -> Iterator[Shop]:
    vendor, owner, patient = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    medicine, catalog = uuid.uuid4(), uuid.uuid4()
    tag = uuid.uuid4().hex[:8].upper()
    snapshot = (
        '{"name": "Series paracetamol", "service_type": "MEDICINE", "version": 1,'
        f' "price": 40.00, "mrp": 40.00, "vendor_id": "{vendor}"}}'
    )
    with psycopg.connect(rules_db, autocommit=True) as conn, conn.transaction():
        conn.execute(
            "INSERT INTO auth.users (id, email) VALUES (%s, %s), (%s, %s)",
            (owner, f"series-owner-{tag}@t.in", patient, f"series-patient-{tag}@t.in"),
        )
        conn.execute(
            "INSERT INTO public.profiles (id, role_id) SELECT u, r.id"
            " FROM unnest(%s::uuid[]) AS u, public.roles AS r WHERE r.name = 'PATIENT'",
            ([owner, patient],),
        )
        conn.execute(
            "INSERT INTO public.vendors (id, name, type, owner_id)"
            " VALUES (%s, %s, 'PHARMACY', %s)",
            (vendor, f"Series pharmacy {tag}", owner),
        )
        pan = random_pan()
        telangana = regular_gstin("36", pan)
        conn.execute(
            "INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from)"
            " VALUES (%s, %s, '2017-07-01'), (%s, %s, '2017-07-01')",
            (vendor, regular_gstin("29", pan), vendor, telangana),
        )
        conn.execute(
            "INSERT INTO public.medicine_master (id, name, hsn_code) VALUES (%s, %s, '3004')",
            (medicine, f"Series paracetamol {tag}"),
        )
        conn.execute(
            "INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id)"
            " VALUES (%s, 'MEDICINE', 'medicine_master', %s)",
            (catalog, medicine),
        )
        orders = _orders(conn, ORDERS, patient, catalog, vendor, "29", snapshot)
        others = _orders(conn, 4, patient, catalog, vendor, "36", snapshot)
    yield Shop(rules_db, vendor, orders, others, telangana)


def _dispatch_all(url: str, orders: list[uuid.UUID], roll_back: set[int]) -> None:
    barrier = threading.Barrier(len(orders), timeout=TIMEOUT)
    failures: list[BaseException] = []

    def run(i: int) -> None:
        try:
            with psycopg.connect(url) as conn:
                conn.execute("SET ROLE service_role")
                conn.execute("SET lock_timeout = '30s'")
                conn.commit()
                barrier.wait()
                conn.execute(
                    "UPDATE public.orders SET status = 'OUT_FOR_DELIVERY' WHERE id = %s",
                    (orders[i],),
                )
                if i in roll_back:
                    conn.rollback()
                else:
                    conn.commit()
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(orders))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a dispatch hung"
    assert not failures, failures


def _serials(url: str, vendor: uuid.UUID, state: str) -> list[int]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT split_part(invoice_number, '/', 3)::integer FROM public.order_invoices"
            " WHERE vendor_id = %s AND supplier_state_code = %s AND document_kind = 'TAX_INVOICE'"
            " ORDER BY 1",
            (vendor, state),
        ).fetchall()
    return [r[0] for r in rows]


def test_concurrent_dispatches_number_one_series_without_gaps(shop: Shop) -> None:
    roll_back = {i for i in range(ORDERS) if i % 5 == 0}  # 0, 5, 10, 15, 20
    _dispatch_all(shop.url, shop.orders, roll_back)
    committed = ORDERS - len(roll_back)
    assert _serials(shop.url, shop.vendor, "29") == list(range(1, committed + 1))
    with psycopg.connect(shop.url) as conn:
        undispatched = conn.execute(
            "SELECT count(*) FROM public.orders AS o WHERE o.id = ANY(%s)"
            " AND o.status = 'PROCESSING'"
            " AND NOT EXISTS (SELECT 1 FROM public.order_invoices AS d WHERE d.order_id = o.id)",
            (shop.orders,),
        ).fetchone()
    assert undispatched == (len(roll_back),)


def test_another_registration_keeps_its_own_series(shop: Shop) -> None:
    _dispatch_all(shop.url, shop.other_state_orders, set())
    assert _serials(shop.url, shop.vendor, "36") == [1, 2, 3, 4]
    with psycopg.connect(shop.url) as conn:
        gstins = conn.execute(
            "SELECT DISTINCT gstin FROM public.order_invoices WHERE order_id = ANY(%s)",
            (shop.other_state_orders,),
        ).fetchall()
    assert gstins == [(shop.telangana_gstin,)]
