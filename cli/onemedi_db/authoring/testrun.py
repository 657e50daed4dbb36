"""Run the pgTAP suites against a deployed database (`onemedi-db test`).

Each file is split into statements with PostgreSQL's parser and sent over psycopg, the way
pytest-pgtap sends a file, inside one transaction that is always rolled back: the file's own
top-level BEGIN/COMMIT/ROLLBACK are dropped (savepoints stay). The TAP lines of every result
row are collected; a file passes when it ran as many tests as it planned, none failed (a
`# TODO` failure does not count) and no statement raised an error.

The test helpers (schema `tests`, `000_test_helpers.sql` beside the suites: what comes
before its first BEGIN installs them) are loaded at the start of each file's transaction
where the database lacks them, so they are rolled back with it and nothing stays.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from pglast import ast, parser
from pglast.enums.parsenodes import TransactionStmtKind

from ..errors import OnemediError, PlanError

_TAP = re.compile(r"^(?:(?:not )?ok\b|\d+\.\.\d+|\s*#|Bail out!)")
_RESULT = re.compile(r"^(not )?ok (\d+)(?: - (.*?))?(?:\s+# (TODO|SKIP)\b.*)?$", re.IGNORECASE)
_OPENING = {TransactionStmtKind.TRANS_STMT_BEGIN, TransactionStmtKind.TRANS_STMT_START}
_OUTER = {
    TransactionStmtKind.TRANS_STMT_BEGIN,
    TransactionStmtKind.TRANS_STMT_START,
    TransactionStmtKind.TRANS_STMT_COMMIT,
    TransactionStmtKind.TRANS_STMT_ROLLBACK,
}


@dataclass
class Assertion:
    number: int
    ok: bool
    description: str
    directive: str | None
    diagnostics: list[str] = field(default_factory=list)


@dataclass
class FileResult:
    path: Path
    tap: list[str] = field(default_factory=list)
    planned: int | None = None
    assertions: list[Assertion] = field(default_factory=list)
    error: str | None = None

    @property
    def failed(self) -> list[Assertion]:
        return [a for a in self.assertions if not a.ok and a.directive != "TODO"]

    @property
    def problems(self) -> list[str]:
        found = []
        if self.error:
            found.append(f"error: {self.error}")
        if self.failed:
            numbers = [str(a.number) for a in self.failed]
            found.append(f"failed {len(numbers)}/{len(self.assertions)}: tests "
                         + ", ".join(numbers[:10]) + (", ..." if len(numbers) > 10 else ""))
        if self.planned is None and not self.error:
            found.append("no plan")
        elif self.planned is not None and self.planned != len(self.assertions):
            found.append(f"planned {self.planned} tests but ran {len(self.assertions)}")
        return found

    @property
    def ok(self) -> bool:
        return not self.problems


HELPERS = "000_test_helpers.sql"


def helper_prelude(conn: psycopg.Connection[Any], folder: Path) -> list[str]:
    """The statements installing the test helpers, where they are missing and available."""
    path = folder / HELPERS
    if not path.is_file():
        return []
    if conn.execute("SELECT to_regnamespace('tests')").fetchone() != (None,):
        return []
    return _statements(path, until_begin=True)


def suite_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("test*.sql"))
    if not files:
        raise PlanError(f"no pgTAP files (test*.sql) in {folder}")
    return files


def ensure_pgtap(conn: psycopg.Connection[Any], report: Callable[[str], None]) -> None:
    """Create pgTAP in schema `extensions` if missing, and put its schema on the search path."""
    row = conn.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                       "ON n.oid = e.extnamespace WHERE e.extname = 'pgtap'").fetchone()
    if row is None:
        available = conn.execute(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pgtap'").fetchone()
        if available is None:
            raise OnemediError(
                "the pgtap extension is not available on this server",
                hint="install it (Debian: apt-get install postgresql-15-pgtap); "
                "on Supabase enable pgtap in the dashboard",
            )
        conn.execute("CREATE SCHEMA IF NOT EXISTS extensions")
        conn.execute("CREATE EXTENSION pgtap WITH SCHEMA extensions")
        report("Created extension pgtap in schema extensions (it was missing; it stays)")
        schema = "extensions"
    else:
        schema = row[0]
    on_path = conn.execute("SELECT %s = ANY (current_schemas(false))", (schema,)).fetchone()
    if not (on_path and on_path[0]):
        path = conn.execute("SELECT current_setting('search_path')").fetchone()
        conn.execute("SELECT set_config('search_path', %s, false)",
                     (f"{path[0] if path else 'public'}, {schema}",))


def _statements(path: Path, until_begin: bool = False) -> list[str]:
    text = path.read_text(encoding="utf-8")
    try:
        parsed = parser.parse_sql(text)
    except parser.ParseError as exc:
        position = exc.args[1] if len(exc.args) > 1 else 0
        raise PlanError(f"{path}:{text[:position].count(chr(10)) + 1}: {exc.args[0]}") from None
    out = []
    for raw in parsed:
        if isinstance(raw.stmt, ast.TransactionStmt) and raw.stmt.kind in _OUTER:
            if until_begin and raw.stmt.kind in _OPENING:
                break
            continue
        start = raw.stmt_location or 0
        end = start + raw.stmt_len if raw.stmt_len else len(text)
        out.append(text[start:end].strip())
    return out


def _tap_lines(cur: psycopg.Cursor[Any]) -> list[str]:
    lines: list[str] = []
    while True:
        if cur.description and len(cur.description) == 1:
            for (value,) in cur.fetchall():
                if isinstance(value, str):
                    lines += [ln for ln in value.splitlines() if _TAP.match(ln)]
        if not cur.nextset():
            return lines


def run_file(conn: psycopg.Connection[Any], path: Path, prelude: list[str] | None = None
             ) -> FileResult:
    result = FileResult(path)
    statements = _statements(path)
    try:
        with conn.transaction(force_rollback=True), conn.cursor() as cur:
            for statement in prelude or []:  # not the file's: no TAP from these
                cur.execute(statement.encode("utf-8"), prepare=False)
            for statement in statements:
                cur.execute(statement.encode("utf-8"), prepare=False)
                result.tap += _tap_lines(cur)
    except psycopg.Error as exc:
        first = statement.splitlines()[0][:80] if statements else ""
        result.error = f"{exc.diag.message_primary or exc} [SQLSTATE {exc.diag.sqlstate}] " \
                       f"in statement: {first}"
        result.tap.append(f"# error: {result.error}")
    _parse(result)
    return result


def _parse(result: FileResult) -> None:
    for line in result.tap:
        plan = re.match(r"^1\.\.(\d+)", line)
        if plan:
            result.planned = int(plan[1])
            continue
        m = _RESULT.match(line)
        if m:
            directive = m[4].upper() if m[4] else None
            result.assertions.append(Assertion(int(m[2]), not m[1], m[3] or "", directive))
        elif line.lstrip().startswith("#") and result.assertions:
            result.assertions[-1].diagnostics.append(line)


def run_suite(conn: psycopg.Connection[Any], files: list[Path],
              prelude: list[str] | None = None) -> list[FileResult]:
    return [run_file(conn, path, prelude) for path in files]


def junit_xml(results: list[FileResult]) -> str:
    root = ET.Element("testsuites", name="onemedi-db pgTAP",
                      tests=str(sum(len(r.assertions) for r in results)),
                      failures=str(sum(len(r.failed) for r in results)),
                      errors=str(sum(1 for r in results if r.error)))
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=r.path.name,
                              tests=str(len(r.assertions)), failures=str(len(r.failed)),
                              errors="1" if r.error else "0")
        for a in r.assertions:
            case = ET.SubElement(suite, "testcase", classname=r.path.stem,
                                 name=f"{a.number} - {a.description}".rstrip(" -"))
            if a.directive == "SKIP":
                ET.SubElement(case, "skipped", message="SKIP")
            elif not a.ok and a.directive != "TODO":
                failure = ET.SubElement(case, "failure", message=f"not ok {a.number}")
                failure.text = "\n".join(a.diagnostics)
        other = [p for p in r.problems if not p.startswith("failed ")]
        if other:
            case = ET.SubElement(suite, "testcase", classname=r.path.stem, name="plan")
            tag = "error" if r.error else "failure"
            ET.SubElement(case, tag, message="; ".join(other))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
