"""Read a change script and split it into statements with PostgreSQL's own parser (pglast).

Sqitch scripts carry their own `BEGIN; ... COMMIT;` (deploy, revert) or `BEGIN; ... ROLLBACK;`
(verify). We run a change and its registry rows in one transaction of our own, so those
top-level transaction statements are dropped here, and anything else that controls
transactions is refused. A script that cannot run inside a transaction (CREATE INDEX
CONCURRENTLY and friends) must say so with the marker line `-- onemedi:no-transaction`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pglast import parser

from .errors import PlanError

NO_TRANSACTION_MARKER = "-- onemedi:no-transaction"
_OPENERS = {"TRANS_STMT_BEGIN", "TRANS_STMT_START"}
_CLOSERS = {"TRANS_STMT_COMMIT", "TRANS_STMT_ROLLBACK"}


@dataclass(frozen=True)
class Statement:
    sql: str
    line: int  # 1-based line in the script where the statement starts
    offset: int  # 0-based character offset of the statement in the script


@dataclass(frozen=True)
class Script:
    path: Path
    text: str
    raw: bytes
    statements: tuple[Statement, ...]
    transactional: bool

    @property
    def sha1(self) -> str:
        """sqitch's script_hash: plain SHA-1 of the file's bytes."""
        return hashlib.sha1(self.raw).hexdigest()

    def line_of(self, statement: Statement, position: int | None) -> int:
        """The script line of a 1-based character position inside `statement`."""
        if not position:
            return statement.line
        return statement.line + statement.sql[: position - 1].count("\n")


def script_hash(path: Path) -> str | None:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def read_script(path: Path) -> Script:
    """Parse a script; raise PlanError with file and line when it is missing or unparsable.

    pglast's JSON parse tree is used rather than its Python AST: the same parser, several
    times faster, since only statement kinds and offsets (in bytes) are needed here.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(
            f"script {path} is missing",
            hint="every plan change needs sql/deploy, sql/revert and sql/verify scripts",
        ) from None
    text = raw.decode("utf-8")
    try:
        tree = json.loads(parser.parse_sql_json(text))
    except parser.ParseError as exc:
        position = exc.args[1] if len(exc.args) > 1 else 0
        line = text[:position].count("\n") + 1
        raise PlanError(f"{path}:{line}: {exc.args[0]}") from None
    transactional = NO_TRANSACTION_MARKER not in text
    statements: list[Statement] = []
    parsed = tree.get("stmts", [])
    for index, raw_stmt in enumerate(parsed):
        start = raw_stmt.get("stmt_location", 0)
        length = raw_stmt.get("stmt_len", 0)
        chunk = raw[start : start + length] if length else raw[start:]
        leading = len(chunk) - len(chunk.lstrip())
        offset = len(raw[: start + leading].decode("utf-8"))
        sql = chunk.decode("utf-8").strip()
        line = text.count("\n", 0, offset) + 1
        ((kind, node),) = raw_stmt["stmt"].items()
        if kind == "TransactionStmt":
            # Only the script's own wrapper is dropped: BEGIN first, COMMIT/ROLLBACK last.
            # One in the middle would commit part of the change under sqitch.
            wrapper = node.get("kind")
            if (wrapper in _OPENERS and index == 0) or (
                wrapper in _CLOSERS and index == len(parsed) - 1
            ):
                continue
            raise PlanError(
                f"{path}:{line}: transaction control ({sql.split()[0].upper()}) is not "
                "allowed inside a change script"
            )
        if transactional and _needs_autocommit(kind, node):
            raise PlanError(
                f"{path}:{line}: {' '.join(sql.split()[:4])} cannot run inside a transaction",
                hint=f"put the line '{NO_TRANSACTION_MARKER}' at the top of the script "
                "and keep that change to this one statement",
            )
        statements.append(Statement(sql, line, offset))
    return Script(path, text, raw, tuple(statements), transactional)


def _needs_autocommit(kind: str, node: dict[str, Any]) -> bool:
    if kind == "IndexStmt":
        return bool(node.get("concurrent"))
    if kind == "ReindexStmt":
        return any(
            p.get("DefElem", {}).get("defname") == "concurrently" for p in node.get("params", ())
        )
    return kind in ("VacuumStmt", "CreatedbStmt", "DropdbStmt")
