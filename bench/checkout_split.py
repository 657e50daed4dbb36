#!/usr/bin/env python3
"""place_order before and after issue 13's split into small functions (8 clients).

Two fresh databases on the same server: `before` holds the plan up to the last change of
1.0.0's era (`booking_fulfillment_moves`: the 580-line place_order, tax on top, invoice at
checkout), `after` the whole plan (checkout in small functions, tax inside the price,
registration check, the invoice issued at dispatch). Both get the same pharmacy, 20
medicines and patients; each client loop puts two random medicines in a new cart and checks
it out, as the patient, in one transaction. Rounds alternate before/after; the figure is the
median of the rounds' orders per second. `after+documents` also issues the order's tax
invoice in the same transaction, so that it does the invoice numbering `before` did at
checkout.

    .venv/bin/python bench/checkout_split.py [--seconds 8] [--rounds 3] [--clients 8]
        [--admin-url postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cli"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from gst_support import random_pan, regular_gstin
from onemedi_db.engine.config import find_project, resolve_target
from onemedi_db.engine.plan import parse_plan
from onemedi_db.engine.runner import Engine, connect
from onemedi_db.supabase import standin

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "booking_fulfillment_moves"
Conn = psycopg.Connection[Any]


def deploy(admin_url: str, name: str, to: str | None) -> str:
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    project = find_project(ROOT)
    conn = connect(resolve_target(project, url))
    engine = Engine(project, parse_plan(project.plan_file, project.top_dir), conn)
    with engine.locked(60):
        if standin.is_needed(conn):
            standin.install(conn)
        engine.deploy(to=to)
    conn.close()
    return url


def fixture(url: str, patients: int) -> dict[str, Any]:
    """A pharmacy in Bengaluru (registered where the plan has registrations), 20 medicines
    at 40.00 each, `patients` patients with a Bengaluru address."""
    vendor, owner, city, branch = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    people = [(uuid.uuid4(), uuid.uuid4()) for _ in range(patients)]
    catalog: list[uuid.UUID] = []
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        ids = [owner] + [p for p, _ in people]
        conn.execute("INSERT INTO auth.users (id, email) SELECT u, u::text || '@bench.in'"
                     " FROM unnest(%s::uuid[]) AS u", (ids,))
        conn.execute("INSERT INTO public.profiles (id, full_name, role_id) SELECT u, 'Bench',"
                     " r.id FROM unnest(%s::uuid[]) AS u, public.roles AS r"
                     " WHERE r.name = 'PATIENT'", (ids,))
        conn.execute("INSERT INTO public.cities (id, state_code, name) VALUES (%s, '29', 'B')",
                     (city,))
        conn.execute("INSERT INTO public.vendors (id, name, type, owner_id, is_active)"
                     " VALUES (%s, 'Bench pharmacy', 'PHARMACY', %s, true)", (vendor, owner))
        conn.execute("INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords)"
                     " VALUES (%s, %s, %s, 'SRID=4326;POINT(77.59 12.97)')",
                     (branch, vendor, city))
        if conn.execute("SELECT to_regclass('public.gst_registrations')").fetchone() != (None,):
            conn.execute("INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from)"
                         " VALUES (%s, %s, '2017-07-01')",
                         (vendor, regular_gstin("29", random_pan(random.Random(1)))))
        for i in range(20):
            medicine, cat = uuid.uuid4(), uuid.uuid4()
            conn.execute("INSERT INTO public.medicine_master (id, name, hsn_code)"
                         " VALUES (%s, %s, '3004')", (medicine, f"Bench medicine {i}"))
            conn.execute("INSERT INTO public.service_catalog (id, service_type, ref_table,"
                         " ref_id) VALUES (%s, 'MEDICINE', 'medicine_master', %s)",
                         (cat, medicine))
            conn.execute("INSERT INTO public.medicine_inventory (medicine_id, vendor_id,"
                         " branch_id, stock_qty, price, mrp)"
                         " VALUES (%s, %s, %s, 1000000, 40.00, 40.00)",
                         (medicine, vendor, branch))
            catalog.append(cat)
        for pid, aid in people:
            conn.execute("INSERT INTO public.addresses (id, profile_id, line_1, city_id,"
                         " pincode) VALUES (%s, %s, '1 MG Road', %s, '560001')",
                         (aid, pid, city))
    return {"vendor": vendor, "branch": branch, "people": people, "catalog": catalog}


def worker(world: dict[str, Any], call: str, documents: bool) -> Callable[[Conn, random.Random,
                                                                           int], None]:
    def work(conn: Conn, rng: random.Random, k: int) -> None:
        pid, aid = world["people"][k]
        with conn.transaction():
            conn.execute("SELECT set_config('role', 'authenticated', true), "
                         "set_config('request.jwt.claims', %s, true)",
                         (json.dumps({"sub": str(pid), "role": "authenticated"}),))
            cart = conn.execute("INSERT INTO public.carts (profile_id) VALUES (%s)"
                                " RETURNING id", (pid,)).fetchone()
            assert cart is not None
            for cat in rng.sample(world["catalog"], 2):
                conn.execute("INSERT INTO public.cart_items (cart_id, service_catalog_id, qty,"
                             " vendor_id, branch_id) VALUES (%s, %s, 1, %s, %s)",
                             (cart[0], cat, world["vendor"], world["branch"]))
            order = conn.execute(call, (cart[0], aid)).fetchone()
            assert order is not None
            if documents:
                conn.execute("SELECT set_config('role', 'service_role', true)")
                conn.execute("SELECT count(*) FROM private.issue_order_documents(%s)",
                             (order[0],))
    return work


def hammer(url: str, clients: int, seconds: float,
           work: Callable[[Conn, random.Random, int], None]) -> tuple[float, int]:
    done, errors = [0] * clients, [0] * clients
    gate = threading.Barrier(clients + 1)
    stop: list[float] = []

    def loop(k: int) -> None:
        rng = random.Random(k)
        with psycopg.connect(url) as conn:
            gate.wait()
            while time.perf_counter() < stop[0]:
                try:
                    work(conn, rng, k)
                    done[k] += 1
                except psycopg.Error:
                    errors[k] += 1

    threads = [threading.Thread(target=loop, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    stop.append(time.perf_counter() + seconds)
    gate.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    return sum(done) / (time.perf_counter() - began), sum(errors)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = ap.parse_args()
    before = deploy(args.admin_url, "bench_checkout_before", BEFORE)
    after = deploy(args.admin_url, "bench_checkout_after", None)
    worlds = {name: fixture(url, args.clients) for name, url in
              (("before", before), ("after", after))}
    runs = {
        "before": (before, worker(worlds["before"],
                                  "SELECT (public.place_order(%s, %s)).id", False)),
        # Two medicines at 40.00: the patient was shown 80.00.
        "after": (after, worker(worlds["after"],
                                "SELECT (public.place_order(%s, %s, 80.00)).id", False)),
        "after+documents": (after, worker(worlds["after"],
                                          "SELECT (public.place_order(%s, %s, 80.00)).id",
                                          True)),
    }
    rates: dict[str, list[float]] = {name: [] for name in runs}
    failures: dict[str, int] = {name: 0 for name in runs}
    for _ in range(args.rounds):
        for name, (url, work) in runs.items():
            rate, errors = hammer(url, args.clients, args.seconds, work)
            rates[name].append(rate)
            failures[name] += errors
    base = statistics.median(rates["before"])
    print(f"place_order, {args.clients} clients, {args.rounds} rounds of {args.seconds:g} s"
          " (median orders/s; ratio to before):")
    for name in runs:
        med = statistics.median(rates[name])
        print(f"  {name:<16} {med:8.1f}  x{med / base:5.2f}  "
              f"rounds {', '.join(f'{r:.1f}' for r in rates[name])}  failures {failures[name]}")
    with psycopg.connect(args.admin_url, autocommit=True) as admin:
        for name in ("bench_checkout_before", "bench_checkout_after"):
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
