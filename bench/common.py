"""Shared pieces of the benchmarks: figures, timing loops, role switching, EXPLAIN capture.

A figure is a measurement next to its floor, measured in the same run: `ratio` is
measured / floor for latencies and measured / floor for throughputs (then higher is better).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql

Conn = psycopg.Connection[Any]


@dataclass
class Figure:
    question: str
    name: str
    unit: str  # "ms" (lower is better) or "ops/s" (higher is better)
    median: float
    p95: float
    floor_median: float
    floor_p95: float
    floor_label: str
    target: str
    met: bool | None
    runs: int
    plan: str = ""
    floor_plan: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.median / self.floor_median if self.floor_median else float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def summary(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), percentile(values, 0.95)


def claims(user_id: str, role: str = "authenticated") -> str:
    return json.dumps({"sub": user_id, "role": role})


def as_user(conn: Conn, user_id: str | None, role: str = "authenticated") -> None:
    """Inside the current transaction: become the JWT's role (`authenticated`, or om_admin
    for an admin's token) with that user's claims, as PostgREST does, or stay the superuser
    when user_id is None."""
    if user_id is None:
        return
    conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(role)))
    conn.execute("SELECT set_config('request.jwt.claims', %s, true)", (claims(user_id, role),))
    # PostgREST applies the settings of the role it switches to (impersonated role
    # settings: Supabase's statement timeouts, this schema's jit = off), for this database
    # and for all databases.
    conn.execute("""
        SELECT set_config(split_part(c, '=', 1), substr(c, strpos(c, '=') + 1), true)
        FROM pg_catalog.pg_db_role_setting AS s, unnest(s.setconfig) AS c
        WHERE s.setrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = %s)
          AND s.setdatabase IN (0, (SELECT oid FROM pg_catalog.pg_database
                                   WHERE datname = current_database()))
        ORDER BY s.setdatabase""", (role,))


def set_local(conn: Conn, settings: dict[str, str] | None) -> None:
    """SET LOCAL each setting, inside the current transaction."""
    for key, value in (settings or {}).items():
        conn.execute(sql.SQL("SET LOCAL {} = {}").format(sql.Identifier(key),
                                                         sql.Literal(value)))


def time_query(conn: Conn, query: str, user_id: str | None, runs: int,
               settings: dict[str, str] | None = None, warmup: int = 3,
               role: str = "authenticated") -> list[float]:
    """Milliseconds of `query` (sent as text, fetched entirely), each run in its own
    transaction with the role and settings applied first (not timed)."""
    out = []
    for i in range(warmup + runs):
        with conn.transaction():
            as_user(conn, user_id, role)
            set_local(conn, settings)
            start = time.perf_counter()
            conn.execute(query.encode(), prepare=False).fetchall()
            elapsed = (time.perf_counter() - start) * 1000
        if i >= warmup:
            out.append(elapsed)
    return out


def explain(conn: Conn, query: str, user_id: str | None,
            settings: dict[str, str] | None = None, role: str = "authenticated") -> str:
    with conn.transaction():
        as_user(conn, user_id, role)
        set_local(conn, settings)
        rows = conn.execute(("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query).encode(),
                            prepare=False).fetchall()
    return "\n".join(r[0] for r in rows)


def latency_figure(conn: Conn, question: str, name: str, query: str, user_id: str | None,
                   floor_query: str, floor_label: str, target: str,
                   met: Callable[[float, float, float], bool], runs: int,
                   settings: dict[str, str] | None = None,
                   floor_settings: dict[str, str] | None = None, note: str = "",
                   role: str = "authenticated") -> Figure:
    """Interleave the measured query and its floor in rounds so drift hits both alike."""
    measured: list[float] = []
    floor: list[float] = []
    rounds = 5
    # Slow queries get fewer runs: about 3 s of measuring per side, never fewer than 10.
    probe = max(time_query(conn, query, user_id, 1, settings, warmup=1, role=role)
                + time_query(conn, floor_query, None, 1, floor_settings, warmup=1))
    runs = max(10, min(runs, int(3000 / max(probe, 1e-3))))
    for _ in range(rounds):
        measured += time_query(conn, query, user_id, max(1, runs // rounds), settings,
                               role=role)
        floor += time_query(conn, floor_query, None, max(1, runs // rounds), floor_settings)
    m, m95 = summary(measured)
    f, f95 = summary(floor)
    return Figure(question, name, "ms", m, m95, f, f95, floor_label, target,
                  met(m, m95, f), len(measured),
                  plan=explain(conn, query, user_id, settings, role),
                  floor_plan=explain(conn, floor_query, None, floor_settings), note=note)


def one(conn: Conn, query: str, params: tuple[Any, ...] = ()) -> Any:
    row = conn.execute(query, params).fetchone()
    return row[0] if row else None
