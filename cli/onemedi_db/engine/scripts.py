"""Read a change script and split it into statements with PostgreSQL's own parser (pglast).

Sqitch scripts carry their own `BEGIN; ... COMMIT;` (deploy, revert) or `BEGIN; ... ROLLBACK;`
(verify). We run a change and its registry rows in one transaction of our own, so those
top-level transaction statements are dropped here, and anything else that controls
transactions is refused. A script that cannot run inside a transaction (CREATE INDEX
CONCURRENTLY and friends) must say so with the marker line `-- onemedi:no-transaction`.

A script that uses psql's own language (`\\set`, `\\gexec`, `:'var'`) is not split: it is
run through psql, as sqitch runs every script (`psql.py`).

A script's split depends only on its bytes and the parser, so it is cached by content
(`cache.py`): a deploy whose scripts were all split before neither imports pglast nor parses,
which is most of its own CPU time. A cached split is used only if what lies between its
statements is whitespace, semicolons, comments and the transaction wrapper; anything else
means the entry is not to be trusted, and the script is parsed again.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import PlanError
from . import cache, psql

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
    sha1: str  # sqitch's script_hash: plain SHA-1 of the file's bytes
    psql: bool = False  # uses psql's meta-commands or variables: run through psql (`psql`)
    psql_body: str = ""  # for psql: the text with its own BEGIN/COMMIT (ROLLBACK) blanked

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
    """Read and split a script; raise PlanError with file and line when it is missing or
    unparsable, or when it controls transactions itself."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(
            f"script {path} is missing",
            hint="every plan change needs sql/deploy, sql/revert and sql/verify scripts",
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanError(f"{path}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
                        f"{exc.start})", hint="save the script as UTF-8") from None
    transactional = NO_TRANSACTION_MARKER not in text
    digest = hashlib.sha1(raw).hexdigest()
    spans = _SPLITS.get(digest, text)
    if spans is None and psql.maybe_psql(text) and psql.scan(text).uses_psql:
        closer = "rollback" if path.parent.name == "verify" else "end"
        body = psql.unwrapped(path, text, closer) if transactional else text
        return Script(path, text, raw, (), transactional, digest, psql=True, psql_body=body)
    if spans is None:
        spans = _split(path, text, raw, transactional)
        _SPLITS.put(digest, spans)
    statements = tuple(
        Statement(text[start:end], text.count("\n", 0, start) + 1, start) for start, end in spans
    )
    return Script(path, text, raw, statements, transactional, digest)


def _split(path: Path, text: str, raw: bytes, transactional: bool) -> list[tuple[int, int]]:
    """The character spans of the statements to run, from pglast's parse of the script.

    pglast's JSON parse tree is used rather than its Python AST: the same parser, several
    times faster, since only statement kinds and offsets (in bytes) are needed here.
    """
    from pglast import parser  # imported on first use: a warm cache never needs it

    try:
        tree = json.loads(parser.parse_sql_json(text))
    except parser.ParseError as exc:
        position = exc.args[1] if len(exc.args) > 1 else 0
        line = text[:position].count("\n") + 1
        raise PlanError(f"{path}:{line}: {exc.args[0]}") from None
    spans: list[tuple[int, int]] = []
    parsed = tree.get("stmts", [])
    for index, raw_stmt in enumerate(parsed):
        start = raw_stmt.get("stmt_location", 0)
        length = raw_stmt.get("stmt_len", 0)
        piece = (raw[start : start + length] if length else raw[start:]).decode("utf-8")
        sql = piece.strip()
        offset = len(raw[:start].decode("utf-8")) + len(piece) - len(piece.lstrip())
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
        spans.append((offset, offset + len(sql)))
    return spans


# Between the statements of a script: blanks, semicolons, comments, the BEGIN/COMMIT wrapper.
_GAP = re.compile(
    r"(?:\s|;|--[^\n]*|/\*.*?\*/|\b(?:BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK)\b)*",
    re.IGNORECASE | re.DOTALL,
)


class _SplitCache:
    """Splits of scripts parsed before, by the SHA-1 of their bytes, saved at exit if grown.

    The file name carries this package's version and a stamp of the installed pglast, so an
    upgrade of either starts a new cache.
    """

    def __init__(self) -> None:
        self.entries: dict[str, list[list[int]]] | None = None
        self.used: set[str] = set()
        self.grown = False

    @functools.cached_property
    def path(self) -> Path:
        spec = importlib.util.find_spec("pglast")  # locates pglast without importing it
        origin = Path(spec.origin) if spec and spec.origin else None
        stamp = f"{origin}:{origin.stat().st_mtime_ns}" if origin and origin.exists() else ""
        key = hashlib.sha1(f"{__version__}\0{stamp}".encode()).hexdigest()[:16]
        return cache.cache_dir() / f"splits-{key}.json"

    def _load(self) -> dict[str, list[list[int]]]:
        if self.entries is None:
            self.entries = cache.load(self.path)
        return self.entries

    def get(self, digest: str, text: str) -> list[tuple[int, int]] | None:
        try:
            spans = [(int(start), int(end)) for start, end in self._load()[digest]]
        except (KeyError, TypeError, ValueError):  # absent, or not a list of pairs of numbers
            return None
        previous = 0
        for start, end in spans:
            if not previous <= start < end <= len(text) or not _GAP.fullmatch(
                text, previous, start
            ):
                return None
            previous = end
        if not _GAP.fullmatch(text, previous):
            return None
        self.used.add(digest)
        return spans

    def put(self, digest: str, spans: list[tuple[int, int]]) -> None:
        entries = self._load()
        entries[digest] = [list(span) for span in spans]
        self.used.add(digest)
        if not self.grown:
            self.grown = True
            atexit.register(self.save)

    def save(self) -> None:
        cache.save(self.path, self._load(), live=self.used)


_SPLITS = _SplitCache()


def _needs_autocommit(kind: str, node: dict[str, Any]) -> bool:
    if kind == "IndexStmt":
        return bool(node.get("concurrent"))
    if kind == "ReindexStmt":
        return any(
            p.get("DefElem", {}).get("defname") == "concurrently" for p in node.get("params", ())
        )
    return kind in ("VacuumStmt", "CreatedbStmt", "DropdbStmt")
