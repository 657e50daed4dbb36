"""COPY plumbing for the generators: buffered text-format streams, a progress bar, clocks.

Rows are written as COPY text lines built by the generators (fields never contain tabs,
newlines or backslashes, so no escaping is needed); `\\N` is NULL.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import psycopg
from psycopg import sql

NULL = "\\N"
Advance = Callable[[int], None]


class Stream:
    """One open COPY ... FROM STDIN, fed with whole lines in chunks of about 1 MB."""

    def __init__(self, copy: Any, table: str, advance: Advance) -> None:
        self._copy = copy
        self._buf: list[str] = []
        self._advance = advance
        self.table = table
        self.rows = 0

    def row(self, line: str) -> None:
        self._buf.append(line)
        if len(self._buf) >= 8192:
            self.flush()

    def flush(self) -> None:
        if self._buf:
            self._copy.write("".join(self._buf))
            self.rows += len(self._buf)
            self._advance(len(self._buf))
            self._buf = []


@contextlib.contextmanager
def copy_into(conn: psycopg.Connection[Any], table: str, columns: str,
              advance: Advance, counts: dict[str, int]) -> Iterator[Stream]:
    """COPY into `table` (schema-qualified, e.g. public.orders) the given columns."""
    schema, name = table.split(".")
    stmt = sql.SQL("COPY {}.{} ({}) FROM STDIN").format(
        sql.Identifier(schema), sql.Identifier(name),
        sql.SQL(", ").join(sql.Identifier(c.strip()) for c in columns.split(",")))
    with conn.cursor() as cur, cur.copy(stmt) as copy:
        stream = Stream(copy, table, advance)
        yield stream
        stream.flush()
    counts[table] = counts.get(table, 0) + stream.rows


def write_rows(conn: psycopg.Connection[Any], table: str, columns: str, lines: list[str],
               advance: Advance, counts: dict[str, int]) -> None:
    with copy_into(conn, table, columns, advance, counts) as out:
        for line in lines:
            out.row(line)


class Clock:
    """Seconds since `start` (UTC midnight) to COPY timestamptz/date text, fast."""

    def __init__(self, start: date, days: int) -> None:
        self.start = datetime(start.year, start.month, start.day, tzinfo=UTC)
        self._days = [(start + timedelta(days=d)).isoformat() for d in range(days + 1)]
        # India is UTC+05:30: the IST date of an instant decides its GST slab and invoice.
        self._ist = 19800

    def ts(self, sec: int) -> str:
        d, rest = divmod(sec, 86400)
        h, rest = divmod(rest, 3600)
        m, s = divmod(rest, 60)
        return f"{self._days[d]} {h:02d}:{m:02d}:{s:02d}+00"

    def day(self, sec: int) -> str:
        return self._days[sec // 86400]

    def ist_day_index(self, sec: int) -> int:
        return (sec + self._ist) // 86400

    def ist_day(self, sec: int) -> str:
        return self._days[(sec + self._ist) // 86400]

    def date_of(self, day_index: int) -> date:
        return self.start.date() + timedelta(days=day_index)


class Progress:
    """A rich progress bar over the expected row count, or nothing when quiet."""

    def __init__(self, total: int, enabled: bool) -> None:
        self._bar: Any = None
        if enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("rows"), TimeElapsedColumn(), TimeRemainingColumn(), transient=False)
            self._task = self._bar.add_task("seeding", total=total)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def stage(self, name: str) -> None:
        import os
        import time

        if os.environ.get("ONEMEDI_SEED_TIMING"):
            print(f"{time.perf_counter():.1f} {name}", flush=True)
        if self._bar is not None:
            self._bar.update(self._task, description=name)

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)
