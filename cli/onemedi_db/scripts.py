"""Read a change script and split it into statements with PostgreSQL's own parser (pglast).

Sqitch scripts carry their own `BEGIN; ... COMMIT;` (deploy, revert) or `BEGIN; ... ROLLBACK;`
(verify). We run a change and its registry rows in one transaction of our own, so those
top-level transaction statements are dropped here, and anything else that controls
transactions is refused. A script that cannot run inside a transaction (CREATE INDEX
CONCURRENTLY and friends) must say so with the marker line `-- onemedi:no-transaction`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pglast import ast, parser
from pglast.enums.parsenodes import TransactionStmtKind

from .errors import PlanError

NO_TRANSACTION_MARKER = "-- onemedi:no-transaction"
_WRAPPERS = {
    TransactionStmtKind.TRANS_STMT_BEGIN,
    TransactionStmtKind.TRANS_STMT_START,
    TransactionStmtKind.TRANS_STMT_COMMIT,
    TransactionStmtKind.TRANS_STMT_ROLLBACK,
}


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
    """Parse a script; raise PlanError with file and line when it is missing or unparsable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(f"script {path} is missing", hint="every plan change needs "
                        "sql/deploy, sql/revert and sql/verify scripts") from None
    text = raw.decode("utf-8")
    try:
        parsed = parser.parse_sql(text)
    except parser.ParseError as exc:
        position = exc.args[1] if len(exc.args) > 1 else 0
        line = text[:position].count("\n") + 1
        raise PlanError(f"{path}:{line}: {exc.args[0]}") from None
    transactional = NO_TRANSACTION_MARKER not in text
    statements: list[Statement] = []
    for raw_stmt in parsed:
        start = raw_stmt.stmt_location or 0
        end = start + raw_stmt.stmt_len if raw_stmt.stmt_len else len(text)
        sql = text[start:end].strip()
        offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
        node = raw_stmt.stmt
        assert node is not None
        if isinstance(node, ast.TransactionStmt):
            if node.kind in _WRAPPERS:
                continue
            raise PlanError(
                f"{path}:{text[:offset].count(chr(10)) + 1}: transaction control "
                f"({sql.split()[0].upper()}) is not allowed inside a change script"
            )
        if transactional and _needs_autocommit(node):
            raise PlanError(
                f"{path}:{text[:offset].count(chr(10)) + 1}: {sql.split(None, 3)[:3]} cannot run "
                "inside a transaction",
                hint=f"put the line '{NO_TRANSACTION_MARKER}' at the top of the script "
                "and keep that change to this one statement",
            )
        statements.append(Statement(sql, text[:offset].count("\n") + 1, offset))
    return Script(path, text, raw, tuple(statements), transactional)


def _needs_autocommit(node: ast.Node) -> bool:
    if isinstance(node, ast.IndexStmt) and node.concurrent:
        return True
    if isinstance(node, ast.ReindexStmt) and any(
        getattr(p, "defname", None) == "concurrently" for p in (node.params or ())
    ):
        return True
    return isinstance(node, (ast.VacuumStmt, ast.CreatedbStmt, ast.DropdbStmt))
