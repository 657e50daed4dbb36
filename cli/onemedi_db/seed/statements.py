"""Where the demo's statements go: a live database (`seed --demo`) or a SQL script
(`supabase/seed.sql`), the same statements either way.

The demo never reads a value back into Python. What the database makes while seeding (an
order's id, a refund's id) is kept in a transaction-local setting (`keep`) and read back in
SQL (`Ref`), and rows it looks up (a role's id) are subqueries (`Sql`): a statement's text
and parameters are therefore known before it runs, and a script replays them exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

import psycopg
from psycopg import sql

SETTING_PREFIX = "onemedi_demo"
_PLACEHOLDER = re.compile(r"%[%s]")


@dataclass(frozen=True)
class Sql:
    """A parameter that is SQL text, written into the statement instead of bound."""

    text: str


def literal(value: Any) -> str:
    """A value as a SQL literal (no connection needed)."""
    if isinstance(value, Sql):
        return value.text
    return sql.Literal(value).as_string(None)


def ref(key: str) -> Sql:
    """The uuid `keep(key, ...)` stored earlier in this transaction."""
    return Sql(f"current_setting({literal(f'{SETTING_PREFIX}.{key}')})::uuid")


def inline(query: str, params: tuple[Any, ...]) -> tuple[str, list[Any]]:
    """Write the `Sql` parameters into the query; the others stay `%s` parameters."""
    rest = list(params)
    bound: list[Any] = []

    def one(match: re.Match[str]) -> str:
        if match[0] == "%%":
            return "%%"
        if not rest:
            raise ValueError(f"too few parameters for {query!r}")
        value = rest.pop(0)
        if isinstance(value, Sql):
            return value.text.replace("%", "%%")
        bound.append(value)
        return "%s"

    text = _PLACEHOLDER.sub(one, query)
    if rest:
        raise ValueError(f"too many parameters for {query!r}")
    return text, bound


class Sink(Protocol):
    def execute(self, query: str, params: list[Any]) -> None: ...

    def has(self, relation: str) -> bool: ...

    def has_column(self, table: str, column: str) -> bool: ...


class LiveSink:
    """Runs each statement on a connection (inside the caller's transaction)."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def execute(self, query: str, params: list[Any]) -> None:
        if params:
            self.conn.execute(query, params)
        else:  # not formatted by psycopg: undo the %% that inline() wrote
            self.conn.execute(query.replace("%%", "%").encode())

    def has(self, relation: str) -> bool:
        row = self.conn.execute("SELECT to_regclass(%s) IS NOT NULL", (relation,)).fetchone()
        return bool(row and row[0])

    def has_column(self, table: str, column: str) -> bool:
        row = self.conn.execute(
            "SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass(%s) "
            "AND attname = %s AND NOT attisdropped)", (table, column)).fetchone()
        return bool(row and row[0])


@dataclass
class ScriptSink:
    """Collects each statement as SQL text with its parameters written in as literals.

    It seeds a Supabase project, whose schema is the whole plan and whose `auth.users` is
    GoTrue's: every relation and column the demo asks about is there.
    """

    statements: list[str] = field(default_factory=list)

    def execute(self, query: str, params: list[Any]) -> None:
        text = query % tuple(literal(p) for p in params) if params else query.replace("%%", "%")
        self.statements.append(text.strip() + ";")

    def has(self, relation: str) -> bool:
        return True

    def has_column(self, table: str, column: str) -> bool:
        return True
