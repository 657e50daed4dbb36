#!/usr/bin/env python3
"""Question 1: the API's everyday reads as `authenticated` under RLS, against the same read
as the superuser (no RLS) with the filter written by hand.

    .venv/bin/python bench/rls.py postgresql://postgres@127.0.0.1:5432/h8_bench
"""

from __future__ import annotations

import sys

import psycopg

from common import Conn, Figure, latency_figure, one

Q = "1. RLS"
# API reads are short: no parallel workers on either side (their start-up, ~20 ms on this
# loaded 2-core machine, would otherwise dominate some floors).
SERIAL = {"max_parallel_workers_per_gather": "0"}
# A line's created_at is its order's, so the vendor's newest lines, in the index
# order_items_vendor_id_created_at_idx, give its newest orders after ~150 index entries.
VENDOR_ORDERS = (
    "SELECT o.* FROM (SELECT DISTINCT ON (i.created_at, i.order_id) i.order_id, i.created_at "
    "FROM public.order_items AS i WHERE i.vendor_id = '{v}' "
    "ORDER BY i.created_at DESC, i.order_id LIMIT 50) AS x "
    "JOIN public.orders AS o ON o.id = x.order_id ORDER BY x.created_at DESC")


def _within(m: float, m95: float, f: float) -> bool:
    return m <= 1.5 * f and m95 < 10


def pick(conn: Conn) -> dict[str, str]:
    """A patient with the median number of orders and bookings, and the vendor with the
    most order lines (the worst case for its orders page), with a staff member of it."""
    patient = one(conn, """
        SELECT profile_id::text FROM (
            SELECT o.profile_id, count(*) AS n FROM public.orders AS o GROUP BY 1) AS x
        ORDER BY n, profile_id LIMIT 1 OFFSET (SELECT count(DISTINCT profile_id) / 2
                                               FROM public.orders)""")
    vendor = one(conn, """
        SELECT vendor_id::text FROM public.order_items GROUP BY 1
        ORDER BY count(*) DESC, 1 LIMIT 1""")
    staff = one(conn, "SELECT user_id::text FROM public.vendor_staff WHERE vendor_id = %s "
                "ORDER BY access_level, user_id LIMIT 1", (vendor,))
    return {"patient": patient, "vendor": vendor, "staff": staff}


def run(conn: Conn, runs: int = 50) -> list[Figure]:
    who = pick(conn)
    p, v, s = who["patient"], who["vendor"], who["staff"]
    cases = [
        ("patient: 20 newest orders (filter in query)",
         f"SELECT * FROM public.orders WHERE profile_id = '{p}' "
         "ORDER BY created_at DESC LIMIT 20", p,
         f"SELECT * FROM public.orders WHERE profile_id = '{p}' "
         "ORDER BY created_at DESC LIMIT 20"),
        ("patient: 20 newest orders (no filter, policy only)",
         "SELECT * FROM public.orders ORDER BY created_at DESC LIMIT 20", p,
         f"SELECT * FROM public.orders WHERE profile_id = '{p}' "
         "ORDER BY created_at DESC LIMIT 20"),
        ("vendor: 50 newest orders with its items", VENDOR_ORDERS.format(v=v), s,
         VENDOR_ORDERS.format(v=v)),
        ("vendor: inventory page (50 rows)",
         f"SELECT * FROM public.medicine_inventory WHERE vendor_id = '{v}' "
         "ORDER BY branch_id, medicine_id LIMIT 50", s,
         f"SELECT * FROM public.medicine_inventory WHERE vendor_id = '{v}' "
         "ORDER BY branch_id, medicine_id LIMIT 50"),
        ("patient: 20 newest bookings",
         f"SELECT * FROM public.service_bookings WHERE patient_id = '{p}' "
         "ORDER BY created_at DESC LIMIT 20", p,
         f"SELECT * FROM public.service_bookings WHERE patient_id = '{p}' "
         "ORDER BY created_at DESC LIMIT 20"),
    ]
    out = []
    for name, query, user, floor in cases:
        out.append(latency_figure(
            conn, Q, name, query, user, floor, "superuser, hand-written filter",
            "<= 1.5x floor and p95 < 10 ms", _within, runs, settings=SERIAL,
            floor_settings=SERIAL, note=f"as user {user}"))
    return out


if __name__ == "__main__":
    with psycopg.connect(sys.argv[1], autocommit=True) as c:
        for fig in run(c, 20):
            print(f"{fig.name}: {fig.median:.2f} ms (p95 {fig.p95:.2f}) vs "
                  f"{fig.floor_median:.2f} ms -> {fig.ratio:.2f}x")
