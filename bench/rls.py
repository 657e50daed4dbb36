#!/usr/bin/env python3
"""Question 1: what a supabase-js app sends, under RLS, against the same rows read by the
superuser with the filter written by hand.

Each read is sent from the table the client names, as PostgREST runs it: its own
transaction, `SET LOCAL ROLE` to the JWT's role (authenticated; om_admin for an admin's
token, see admin_role) and `request.jwt.claims`. "no filter" is
`.from(t).select('*').order(...).limit(n)` with nothing else: the policy alone decides the
rows. "app filter" adds the `.eq(...)` an app would add. Each figure also checks that the
read returned exactly the floor's rows.

    .venv/bin/python bench/rls.py URL [URL ...]   # e.g. the 100k and the 1M database

With two or more databases it prints each read's median at each and the growth.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import psycopg

from common import Conn, Figure, as_user, latency_figure, one

Q = "1. RLS"
# API reads are short: no parallel workers on either side (their start-up, ~20 ms on this
# loaded 2-core machine, would otherwise dominate some floors).
SERIAL = {"max_parallel_workers_per_gather": "0"}
TARGET = "<= 1.5x floor"


@dataclass
class Actor:
    label: str
    user_id: str
    role: str = "authenticated"
    vendors: str = "(NULL::uuid)"  # the floor's hand-written list of the actor's vendors
    vendor: str = "NULL"  # the vendor an app names in `.eq('vendor_id', ...)`, a literal


@dataclass
class Read:
    actor: str  # key into the actors
    table: str
    name: str
    query: str  # what the client sends
    floor: str  # the same rows, superuser, hand-written filter


def pick(conn: Conn) -> dict[str, Actor]:
    """The busiest patient, a patient with no orders, a staff member of the vendor with the
    most order lines and one of a vendor with the fewest (at least one), and the admin."""
    busy = one(
        conn,
        "SELECT profile_id::text FROM public.orders GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    )
    # The seed gives every patient orders: a new patient signs up (a fixed id, kept).
    idle = "0f000000-0000-4000-8000-00000000b15e"
    conn.execute("INSERT INTO auth.users (id, email) VALUES (%s, 'new.patient@bench.in') "
                 "ON CONFLICT DO NOTHING", (idle,))
    conn.execute("INSERT INTO public.profiles (id, full_name, role_id) SELECT %s, "
                 "'New Patient', r.id FROM public.roles AS r WHERE r.name = 'PATIENT' "
                 "ON CONFLICT DO NOTHING", (idle,))
    staff_of = """
        SELECT s.user_id::text FROM public.vendor_staff AS s
        WHERE s.vendor_id = (SELECT vendor_id FROM public.order_items GROUP BY 1
                             ORDER BY count(*) {order}, 1 LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM public.vendor_staff AS t
                          WHERE t.user_id = s.user_id AND t.vendor_id <> s.vendor_id)
        ORDER BY s.access_level, s.user_id LIMIT 1"""
    admin = one(
        conn,
        "SELECT p.id::text FROM public.profiles AS p INNER JOIN public.roles "
        "AS r ON r.id = p.role_id AND r.name = 'ADMIN' ORDER BY p.id LIMIT 1",
    )
    out = {
        "patient": Actor("busy patient", busy),
        "idle": Actor("patient with no orders", idle),
        "vendor": Actor("busy vendor's staff", one(conn, staff_of.format(order="DESC"))),
        "small": Actor(
            "staff of the vendor with the fewest orders", one(conn, staff_of.format(order="ASC"))
        ),
        "admin": Actor("admin", admin, "om_admin"),
        # A project without the token hook: the admin's token names authenticated, and the
        # key ranges of admin_reads_without_hook give them every row.
        "nohook": Actor("admin without the token hook", admin),
    }
    for actor in out.values():
        ids = one(
            conn,
            "SELECT string_agg(quote_literal(x), ', ') FROM (SELECT vendor_id AS x FROM "
            "public.vendor_staff WHERE user_id = %s UNION SELECT id FROM public.vendors "
            "WHERE owner_id = %s) AS v",
            (actor.user_id, actor.user_id),
        )
        if ids:
            actor.vendors = f"({ids})"
            actor.vendor = ids.split(", ")[0]
    return out


def mine(uid: str) -> str:
    return f"(SELECT o.id FROM public.orders AS o WHERE o.profile_id = '{uid}')"


def vendor_orders(vendors: str, n: int) -> str:
    """The floor of a vendor's newest orders: its newest lines in the index
    order_items_vendor_id_created_at_idx, their distinct orders (a line's created_at is its
    order's)."""
    return (
        "SELECT o.* FROM public.orders AS o WHERE o.id IN (SELECT i.order_id FROM "
        f"public.order_items AS i WHERE i.vendor_id IN {vendors} "
        f"ORDER BY i.created_at DESC LIMIT {4 * n}) ORDER BY o.created_at DESC, o.id "
        f"LIMIT {n}"
    )


def reads(a: dict[str, Actor]) -> list[Read]:
    p, i, v, s = (a[k].user_id for k in ("patient", "idle", "vendor", "small"))
    newest = "ORDER BY created_at DESC, id LIMIT"
    out = []
    for key, uid in (("patient", p), ("idle", i)):
        out += [
            Read(
                key,
                "orders",
                "newest 20 orders",
                f"SELECT * FROM public.orders {newest} 20",
                f"SELECT * FROM public.orders WHERE profile_id = '{uid}' {newest} 20",
            ),
            Read(
                key,
                "order_items",
                "newest 50 order lines",
                f"SELECT * FROM public.order_items {newest} 50",
                f"SELECT * FROM public.order_items WHERE order_id IN {mine(uid)} {newest} 50",
            ),
            Read(
                key,
                "service_bookings",
                "newest 20 bookings",
                f"SELECT * FROM public.service_bookings {newest} 20",
                f"SELECT * FROM public.service_bookings WHERE patient_id = '{uid}' {newest} 20",
            ),
            Read(
                key,
                "refunds",
                "newest 20 refunds",
                f"SELECT * FROM public.refunds {newest} 20",
                "SELECT * FROM public.refunds WHERE order_item_id IN (SELECT oi.id FROM "
                f"public.order_items AS oi WHERE oi.order_id IN {mine(uid)}) {newest} 20",
            ),
            Read(
                key,
                "order_artifacts",
                "newest 20 order files",
                f"SELECT * FROM public.order_artifacts {newest} 20",
                f"SELECT * FROM public.order_artifacts WHERE order_id IN {mine(uid)} {newest} 20",
            ),
            Read(
                key,
                "carts",
                "carts",
                "SELECT * FROM public.carts ORDER BY id",
                f"SELECT * FROM public.carts WHERE profile_id = '{uid}' ORDER BY id",
            ),
            Read(
                key,
                "cart_items",
                "cart lines",
                "SELECT * FROM public.cart_items ORDER BY id",
                "SELECT * FROM public.cart_items WHERE cart_id IN (SELECT c.id FROM "
                f"public.carts AS c WHERE c.profile_id = '{uid}') ORDER BY id",
            ),
            Read(
                key,
                "addresses",
                "addresses",
                "SELECT * FROM public.addresses ORDER BY id",
                f"SELECT * FROM public.addresses WHERE profile_id = '{uid}' ORDER BY id",
            ),
        ]
    out += [
        Read(
            "patient",
            "coupons",
            "active coupons",
            "SELECT * FROM public.coupons ORDER BY id",
            "SELECT * FROM public.coupons WHERE is_active ORDER BY id",
        ),
        Read(
            "patient",
            "availability_slots",
            "open slots of one service (app filter)",
            "SELECT * FROM public.availability_slots WHERE service_catalog_id = "
            "(SELECT service_catalog_id FROM public.availability_slots ORDER BY id LIMIT 1) "
            "AND start_time > now() ORDER BY start_time, id LIMIT 50",
            "SELECT * FROM public.availability_slots WHERE service_catalog_id = "
            "(SELECT service_catalog_id FROM public.availability_slots ORDER BY id LIMIT 1) "
            "AND start_time > now() ORDER BY start_time, id LIMIT 50",
        ),
    ]
    for key, uid in (("vendor", v), ("small", s)):
        out += [
            Read(
                key,
                "orders",
                "newest 50 orders",
                f"SELECT * FROM public.orders {newest} 50",
                vendor_orders(a[key].vendors, 50),
            ),
            Read(
                key,
                "orders",
                "newest 50 orders (rpc vendor_orders)",
                f"SELECT * FROM public.vendor_orders({a[key].vendor}, 50)",
                vendor_orders(a[key].vendors, 50),
            ),
            Read(
                key,
                "order_items",
                "newest 50 order lines",
                f"SELECT * FROM public.order_items {newest} 50",
                f"SELECT * FROM public.order_items WHERE vendor_id IN {a[key].vendors} "
                f"{newest} 50",
            ),
            Read(
                key,
                "order_items",
                "newest 50 order lines (app filter on vendor_id)",
                f"SELECT * FROM public.order_items WHERE vendor_id = {a[key].vendor} {newest} 50",
                f"SELECT * FROM public.order_items WHERE vendor_id = {a[key].vendor} {newest} 50",
            ),
            Read(
                key,
                "service_bookings",
                "newest 20 bookings",
                f"SELECT * FROM public.service_bookings {newest} 20",
                "SELECT * FROM public.service_bookings WHERE patient_id = '{uid}' OR "
                "order_item_id IN (SELECT oi.id FROM public.order_items AS oi WHERE "
                f"oi.vendor_id IN {a[key].vendors}) {newest} 20".replace("{uid}", uid),
            ),
            Read(
                key,
                "refunds",
                "newest 20 refunds",
                f"SELECT * FROM public.refunds {newest} 20",
                "SELECT * FROM public.refunds WHERE order_item_id IN (SELECT oi.id FROM "
                f"public.order_items AS oi WHERE oi.vendor_id IN {a[key].vendors} OR "
                f"oi.order_id IN {mine(uid)}) {newest} 20",
            ),
            Read(
                key,
                "vendor_payouts",
                "payouts",
                "SELECT * FROM public.vendor_payouts ORDER BY period_start DESC, id LIMIT 20",
                f"SELECT * FROM public.vendor_payouts WHERE vendor_id IN {a[key].vendors} "
                "ORDER BY period_start DESC, id LIMIT 20",
            ),
            Read(
                key,
                "medicine_inventory",
                "inventory page (app filter on vendor_id)",
                f"SELECT * FROM public.medicine_inventory WHERE vendor_id = {a[key].vendor} "
                "ORDER BY branch_id, medicine_id LIMIT 50",
                f"SELECT * FROM public.medicine_inventory WHERE vendor_id = {a[key].vendor} "
                "ORDER BY branch_id, medicine_id LIMIT 50",
            ),
        ]
    for key in ("admin", "nohook"):
        out += [
            Read(
                key,
                "orders",
                "newest 50 orders",
                f"SELECT * FROM public.orders {newest} 50",
                f"SELECT * FROM public.orders {newest} 50",
            ),
            Read(
                key,
                "refunds",
                "newest 20 refunds",
                f"SELECT * FROM public.refunds {newest} 20",
                f"SELECT * FROM public.refunds {newest} 20",
            ),
            Read(
                key,
                "vendor_payouts",
                "payouts",
                "SELECT * FROM public.vendor_payouts ORDER BY period_start DESC, id LIMIT 20",
                "SELECT * FROM public.vendor_payouts ORDER BY period_start DESC, id LIMIT 20",
            ),
        ]
    return out


def rows_of(conn: Conn, query: str, actor: Actor | None) -> list[tuple[object, ...]]:
    with conn.transaction():
        if actor is not None:
            as_user(conn, actor.user_id, actor.role)
        return conn.execute(query.encode(), prepare=False).fetchall()


def run(conn: Conn, runs: int = 30) -> list[Figure]:
    actors = pick(conn)
    out = []
    for r in reads(actors):
        actor = actors[r.actor]
        got, want = rows_of(conn, r.query, actor), rows_of(conn, r.floor, None)
        same = sorted(map(str, got)) == sorted(map(str, want))
        fig = latency_figure(
            conn,
            Q,
            f"{actor.label}: {r.table}, {r.name}",
            r.query,
            actor.user_id,
            r.floor,
            "superuser, hand-written filter",
            TARGET,
            lambda m, m95, f: m <= 1.5 * f,
            runs,
            settings=SERIAL,
            floor_settings=SERIAL,
            note=f"as {actor.role} {actor.user_id}; {len(got)} rows, "
            + ("the same as the floor's" if same else "**not** the floor's rows"),
            role=actor.role,
        )
        fig.extra["rows"] = len(got)
        fig.extra["same_rows"] = same
        if r.actor == "nohook":
            # No speed target: the fallback is there for correctness; the hook is the fast path.
            fig.met = None
        if not same:
            fig.met = False
        out.append(fig)
    return out


def main(urls: list[str]) -> None:
    results = []
    for url in urls:
        with psycopg.connect(url, autocommit=True) as c:
            orders = one(c, "SELECT count(*) FROM public.orders")
            figs = run(c, 30)
            results.append((orders, figs))
            print(f"\n{orders:,} orders ({url})")
            print("| read | rows | same rows | median ms | p95 | floor ms | ratio | <= 1.5x |")
            print("|---|---:|---|---:|---:|---:|---:|---|")
            for f in figs:
                same = "yes" if f.extra["same_rows"] else "**no**"
                print(
                    f"| {f.name} | {f.extra['rows']} | {same} "
                    f"| {f.median:.2f} | {f.p95:.2f} | {f.floor_median:.2f} | {f.ratio:.2f}x "
                    f"| {'-' if f.met is None else 'yes' if f.met else '**no**'} |"
                )
    if len(results) > 1:
        (n0, f0), (n1, f1) = results[0], results[-1]
        print(f"\nGrowth from {n0:,} to {n1:,} orders (median ms)")
        print(f"| read | {n0:,} | {n1:,} | growth | ratio at {n0:,} | ratio at {n1:,} |")
        print("|---|---:|---:|---:|---:|---:|")
        for a, b in zip(f0, f1, strict=True):
            print(
                f"| {a.name} | {a.median:.2f} | {b.median:.2f} | {b.median / a.median:.2f}x "
                f"| {a.ratio:.2f}x | {b.ratio:.2f}x |"
            )
        targeted = [f for f in f1 if f.met is not None]
        worst = sorted(targeted, key=lambda f: f.ratio, reverse=True)[:3]
        for f in worst:
            print(f"\n<details><summary>{f.name} at {n1:,} orders ({f.ratio:.2f}x)</summary>\n")
            print("```\n" + f.plan + "\n```\n\nFloor:\n\n```\n" + f.floor_plan + "\n```\n")
            print("</details>")


if __name__ == "__main__":
    main(sys.argv[1:])
