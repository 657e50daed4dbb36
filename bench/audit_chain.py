#!/usr/bin/env python3
"""The cost of the audit hash chain (issue 13) on checkout: place_order throughput (8 clients,
bench/concurrency.py's workload) with the plan up to the last change before the audit work,
then with it deployed on the same seeded data (the migration runs on live rows), alternating
revert and deploy so that both sides see the same machine load. Also times the migration.

    .venv/bin/python bench/audit_chain.py [--scale 20000] [--rounds 3] [--seconds 8]

It creates and drops its own database (h8_bench_audit).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import psycopg

from concurrency import place_orders
from deploy import ADMIN

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "cli"))
from onemedi_db.engine.config import find_project, resolve_target  # noqa: E402
from onemedi_db.engine.plan import parse_plan  # noqa: E402
from onemedi_db.engine.runner import Engine, connect  # noqa: E402
from onemedi_db.seed.scale import seed_scale  # noqa: E402
from onemedi_db.supabase import standin  # noqa: E402

DB = "h8_bench_audit"
FIRST = "audit_actor"  # the first change of the audit work


def admin_url(db: str) -> str:
    return f"postgresql://{ADMIN['PGUSER']}@{ADMIN['PGHOST']}:{ADMIN['PGPORT']}/{db}"


def recreate() -> str:
    with psycopg.connect(admin_url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB}"')
    return admin_url(DB)


def rate(url: str, seconds: float) -> tuple[float, float]:
    fig = place_orders(url, seconds)[0]
    return fig.median, fig.floor_median


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=8.0)
    args = ap.parse_args()

    project = find_project(ROOT)
    plan = parse_plan(project.plan_file, project.top_dir)
    first = next(c for c in plan.changes if c.name == FIRST)
    before_to = f"@ROOT~{first.index - 1}"
    url = recreate()
    conn = connect(resolve_target(project, url))
    engine = Engine(project, plan, conn)
    with engine.locked(60):
        standin.install(conn)
        engine.deploy(to=before_to)
    seed_scale(url, args.scale, seed=1, progress=False)

    before: list[float] = []
    after: list[float] = []
    floors: list[float] = []
    migrations: list[float] = []
    for _ in range(args.rounds):
        m, f = rate(url, args.seconds)
        before.append(m)
        floors.append(f)
        with engine.locked(60):
            start = time.perf_counter()
            engine.deploy()
            migrations.append(time.perf_counter() - start)
        m, f = rate(url, args.seconds)
        after.append(m)
        floors.append(f)
        with engine.locked(60):
            engine.revert(engine.revert_plan(before_to))
    conn.close()
    with psycopg.connect(url) as check:
        rows = check.execute("SELECT count(*) FROM public.audit_logs").fetchone()
    b, a = statistics.median(before), statistics.median(after)
    print(f"scale {args.scale:,} orders, audit rows at the end: {rows[0] if rows else 0:,}")
    print("place_order, 8 clients, ops/s, rounds:")
    print(f"  before (plan to {plan.changes[first.index - 1].name}): "
          + ", ".join(f"{x:.0f}" for x in before) + f"  median {b:.0f}")
    print("  after (whole plan, chain + guard):  "
          + ", ".join(f"{x:.0f}" for x in after) + f"  median {a:.0f}")
    print(f"  after / before: {a / b:.3f}")
    print(f"  floor (bare INSERTs) median {statistics.median(floors):.0f}")
    print("deploy of the audit changes on the seeded data, s: "
          + ", ".join(f"{x:.2f}" for x in migrations))
    with psycopg.connect(admin_url("postgres"), autocommit=True) as conn2:
        conn2.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')


if __name__ == "__main__":
    main()
