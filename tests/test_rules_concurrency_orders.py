"""Business rules under real concurrency (issue 7a): slot seats, coupon uses and stock.

Fixtures are committed by a superuser connection into the session's `rules_db` (the whole
plan deployed once); each client is a thread with its own connection acting as a signed-in
user (`SET ROLE authenticated` + the JWT claims), released together by a barrier.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest

from gst_support import random_pan, regular_gstin

TIMEOUT = 30.0


def _uuids(n: int) -> list[uuid.UUID]:
    return [uuid.uuid4() for _ in range(n)]


def _act_as(conn: psycopg.Connection[Any], user_id: uuid.UUID) -> None:
    claims = json.dumps({"sub": str(user_id), "role": "authenticated"})
    conn.execute("SELECT set_config('request.jwt.claims', %s, false)", (claims,))


def _client(url: str) -> psycopg.Connection[Any]:
    conn = psycopg.connect(url, autocommit=True)
    conn.execute("SET ROLE authenticated")
    conn.execute("SET lock_timeout = '20s'")
    return conn


def _race(n_threads: int, work: Callable[[int, psycopg.Connection[Any]], None], url: str) -> None:
    """Run work(i, conn) in n_threads threads, each with its own connection, started at once."""
    barrier = threading.Barrier(n_threads, timeout=TIMEOUT)
    failures: list[BaseException] = []

    def run(i: int) -> None:
        try:
            with _client(url) as conn:
                barrier.wait()
                work(i, conn)
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a client hung"
    assert not failures, failures


@dataclass
class World:
    url: str
    vendor: uuid.UUID
    branch: uuid.UUID
    catalog_medicine: uuid.UUID
    inventory: uuid.UUID
    catalog_lab: uuid.UUID
    staff: list[uuid.UUID]


@pytest.fixture(scope="module")
def world(rules_db: str) -> Iterator[World]:
    w = World(
        url=rules_db, vendor=uuid.uuid4(), branch=uuid.uuid4(),
        catalog_medicine=uuid.uuid4(), inventory=uuid.uuid4(), catalog_lab=uuid.uuid4(),
        staff=_uuids(32),
    )
    owner, city, medicine, lab_test = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    tag = uuid.uuid4().hex[:8].upper()
    with psycopg.connect(rules_db, autocommit=True) as conn, conn.transaction():
        conn.execute(
            "INSERT INTO auth.users (id, email) SELECT u, u::text || '@race.in'"
            " FROM unnest(%s::uuid[]) AS u",
            ([owner, *w.staff],),
        )
        conn.execute(
            "INSERT INTO public.profiles (id, role_id)"
            " SELECT u, (SELECT id FROM public.roles WHERE name = 'STAFF')"
            " FROM unnest(%s::uuid[]) AS u",
            ([owner, *w.staff],),
        )
        conn.execute(
            "INSERT INTO public.cities (id, state_code, name) VALUES (%s, '29', %s)",
            (city, f"Race {tag}"),
        )
        conn.execute(
            "INSERT INTO public.vendors (id, name, type, owner_id, is_active)"
            " VALUES (%s, %s, 'PHARMACY', %s, true)",
            (w.vendor, f"Race pharmacy {tag}", owner),
        )
        conn.execute(
            "INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords)"
            " VALUES (%s, %s, %s, 'SRID=4326;POINT(77.59 12.97)')",
            (w.branch, w.vendor, city),
        )
        conn.execute(
            "INSERT INTO public.vendor_staff (vendor_id, user_id)"
            " SELECT %s, u FROM unnest(%s::uuid[]) AS u",
            (w.vendor, w.staff),
        )
        conn.execute(
            "INSERT INTO public.medicine_master (id, name, hsn_code) VALUES (%s, %s, '3004')",
            (medicine, f"Race paracetamol {tag}"),
        )
        conn.execute(
            "INSERT INTO public.lab_tests (id, name, code, sample_type)"
            " VALUES (%s, %s, %s, 'BLOOD')",
            (lab_test, f"Race CBC {tag}", f"RACE-{tag}"),
        )
        conn.execute(
            "INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) VALUES"
            " (%s, 'MEDICINE', 'medicine_master', %s), (%s, 'LAB_TEST', 'lab_tests', %s)",
            (w.catalog_medicine, medicine, w.catalog_lab, lab_test),
        )
        conn.execute(
            "INSERT INTO public.medicine_inventory"
            " (id, medicine_id, vendor_id, branch_id, stock_qty, price, mrp)"
            " VALUES (%s, %s, %s, %s, 1000, 50, 60)",
            (w.inventory, medicine, w.vendor, w.branch),
        )
        # Medicines are taxable: the pharmacy is registered for GST in Karnataka.
        conn.execute(
            "INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from)"
            " VALUES (%s, %s, '2017-07-01')",
            (w.vendor, regular_gstin("29", random_pan())),
        )
    yield w


def _patients_with_carts(w: World, n: int, qty: int = 1) -> list[tuple[uuid.UUID, uuid.UUID,
                                                                       uuid.UUID]]:
    """n patients, each with a Bengaluru address and an OPEN cart of the world's medicine."""
    patients, carts, addresses = _uuids(n), _uuids(n), _uuids(n)
    with psycopg.connect(w.url, autocommit=True) as conn, conn.transaction():
        conn.execute(
            "INSERT INTO auth.users (id, email) SELECT u, u::text || '@race.in'"
            " FROM unnest(%s::uuid[]) AS u",
            (patients,),
        )
        conn.execute(
            "INSERT INTO public.profiles (id, role_id)"
            " SELECT u, (SELECT id FROM public.roles WHERE name = 'PATIENT')"
            " FROM unnest(%s::uuid[]) AS u",
            (patients,),
        )
        conn.execute(
            "INSERT INTO public.addresses (id, profile_id, line_1, city_id, pincode)"
            " SELECT a, p, '1 Race Road', l.city_id, '560001'"
            " FROM unnest(%s::uuid[], %s::uuid[]) AS x (a, p),"
            " public.vendor_locations AS l WHERE l.id = %s",
            (addresses, patients, w.branch),
        )
        conn.execute(
            "INSERT INTO public.carts (id, profile_id)"
            " SELECT c, p FROM unnest(%s::uuid[], %s::uuid[]) AS x (c, p)",
            (carts, patients),
        )
        conn.execute(
            "INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, branch_id)"
            " SELECT c, %s, %s, %s, %s FROM unnest(%s::uuid[]) AS c",
            (w.catalog_medicine, qty, w.vendor, w.branch, carts),
        )
    return list(zip(patients, carts, addresses, strict=True))


def _scalar(url: str, query: str, params: tuple[Any, ...] = ()) -> Any:
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(query, params).fetchone()
        assert row is not None
        return row[0]


def test_32_clients_race_for_5_seats(world: World) -> None:
    slot = uuid.uuid4()
    with psycopg.connect(world.url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO public.availability_slots (id, service_catalog_id, vendor_id, branch_id,"
            " start_time, end_time, capacity)"
            " VALUES (%s, %s, %s, %s, now() + interval '1 day',"
            " now() + interval '1 day 15 minutes', 5)",
            (slot, world.catalog_lab, world.vendor, world.branch),
        )
    lock = threading.Lock()
    booked: list[int] = []
    errors: Counter[str] = Counter()
    outcome: dict[int, str] = {}

    def work(i: int, conn: psycopg.Connection[Any]) -> None:
        _act_as(conn, world.staff[i])
        for _ in range(200):
            row = conn.execute(
                "SELECT version, booked_count, capacity FROM public.availability_slots"
                " WHERE id = %s",
                (slot,),
            ).fetchone()
            assert row is not None, "the slot is readable by authenticated"
            version, count, capacity = row
            if count >= capacity:
                outcome[i] = "saw full"
                return
            try:
                got = conn.execute(
                    "SELECT version FROM public.book_slot(%s, %s)", (slot, version)
                ).fetchone()
            except psycopg.Error as exc:
                with lock:
                    errors[exc.sqlstate or "?"] += 1
                if exc.sqlstate == "OM002":
                    outcome[i] = "OM002"
                    return
                assert exc.sqlstate == "OM001", f"unexpected {exc.sqlstate}: {exc}"
                continue  # stale: re-read and retry
            assert got is not None and got[0] == version + 1, "version goes up by exactly one"
            with lock:
                booked.append(i)
            outcome[i] = "booked"
            return
        raise AssertionError("client kept losing for 200 rounds")

    _race(32, work, world.url)
    assert len(booked) == 5
    assert len(outcome) == 32
    assert set(outcome.values()) <= {"booked", "OM002", "saw full"}
    assert set(errors) <= {"OM001", "OM002"}, "losers only ever see OM001 or OM002"
    count, version = _scalar(
        world.url,
        "SELECT ARRAY[booked_count, version] FROM public.availability_slots WHERE id = %s",
        (slot,),
    )
    assert (count, version) == (5, 5), "no overbooking, one version per seat taken"


def test_100_orders_race_for_a_coupon_of_10_uses(world: World) -> None:
    code = "RACE" + uuid.uuid4().hex[:8].upper()
    with psycopg.connect(world.url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO public.coupons (code, discount_type, value, max_uses, valid_from,"
            " valid_to) VALUES (%s, 'PERCENT', 10, 10, now() - interval '1 day',"
            " now() + interval '1 day')",
            (code,),
        )
    buyers = _patients_with_carts(world, 100)
    per_thread = 4
    lock = threading.Lock()
    placed: list[uuid.UUID] = []
    errors: Counter[str] = Counter()

    def work(i: int, conn: psycopg.Connection[Any]) -> None:
        for patient, cart, address in buyers[i * per_thread:(i + 1) * per_thread]:
            _act_as(conn, patient)
            try:
                row = conn.execute(
                    # 50.00 less 10%: the patient was shown 45.00
                    "SELECT id FROM public.place_order(%s, %s, 45.00, %s)", (cart, address, code)
                ).fetchone()
            except psycopg.Error as exc:
                with lock:
                    errors[exc.sqlstate or "?"] += 1
                continue
            assert row is not None
            with lock:
                placed.append(row[0])

    _race(len(buyers) // per_thread, work, world.url)
    assert len(placed) == 10
    assert errors == Counter({"OM017": 90})
    assert _scalar(
        world.url,
        "SELECT count(*) FROM public.coupon_redemptions AS r"
        " INNER JOIN public.coupons AS c ON r.coupon_id = c.id WHERE c.code = %s",
        (code,),
    ) == 10
    assert _scalar(
        world.url,
        "SELECT count(*) FROM public.orders AS o"
        " INNER JOIN public.coupons AS c ON o.coupon_id = c.id WHERE c.code = %s",
        (code,),
    ) == 10


def test_30_orders_race_for_10_in_stock(world: World) -> None:
    with psycopg.connect(world.url, autocommit=True) as conn:
        conn.execute(
            "UPDATE public.medicine_inventory SET stock_qty = 10 WHERE id = %s",
            (world.inventory,),
        )
    buyers = _patients_with_carts(world, 30)
    lock = threading.Lock()
    placed: list[uuid.UUID] = []
    errors: Counter[str] = Counter()

    def work(i: int, conn: psycopg.Connection[Any]) -> None:
        patient, cart, address = buyers[i]
        _act_as(conn, patient)
        try:
            row = conn.execute(
                "SELECT id FROM public.place_order(%s, %s, 50.00)", (cart, address)
            ).fetchone()
        except psycopg.Error as exc:
            with lock:
                errors[exc.sqlstate or "?"] += 1
            return
        assert row is not None
        with lock:
            placed.append(row[0])

    _race(len(buyers), work, world.url)
    assert len(placed) == 10
    assert errors == Counter({"OM010": 20})
    assert _scalar(
        world.url, "SELECT stock_qty FROM public.medicine_inventory WHERE id = %s",
        (world.inventory,),
    ) == 0
    # Documents are issued at dispatch, numbered per registration: see
    # test_rules_concurrency_documents.py. Checkout issues none.
    assert _scalar(
        world.url,
        "SELECT count(*) FROM public.order_invoices WHERE order_id = ANY(%s)",
        (placed,),
    ) == 0
