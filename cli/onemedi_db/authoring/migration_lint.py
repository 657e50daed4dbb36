"""Migration safety: the statements that lock or rewrite a live table, in changes after the
last tag (those run against a database that has data), unless the script waives them.

The rules are squawk's (the linter the field uses for PostgreSQL migrations), by squawk's
names, matched here on PostgreSQL's own parse tree (pglast) so that `lint` needs no other
tool; `tests/test_migration_lint.py` checks each against squawk itself:

- `require-concurrent-index-creation`: CREATE INDEX without CONCURRENTLY blocks writes for
  the whole build (use CONCURRENTLY in a `-- onemedi:no-transaction` change);
- `constraint-missing-not-valid`: a CHECK (on a table or a domain) or foreign key added
  without NOT VALID scans every row under a lock that blocks writes (add it NOT VALID, then
  VALIDATE CONSTRAINT in a later change); VALIDATE in the same transaction as its NOT VALID
  add is flagged too;
- `adding-foreign-key-constraint`: a foreign key added without NOT VALID, or with a new column
  (`ADD COLUMN ... REFERENCES`), locks both tables while it scans;
- `changing-column-type`: ALTER COLUMN ... TYPE takes ACCESS EXCLUSIVE and usually rewrites
  the table (a domain over the same base type does not rewrite: waive it, saying so);
- `adding-not-nullable-field`: SET NOT NULL scans the table under ACCESS EXCLUSIVE (add a
  CHECK (col IS NOT NULL) NOT VALID, validate it, then SET NOT NULL uses it).

Tables and domains created in the same script are new and empty: nothing is flagged on them.

A waiver is a comment `-- onemedi:lint-ok RULE REASON` (REASON: why it is safe, required).
In the script's header (before its first statement, usually BEGIN) it covers the whole
script; anywhere else it covers the statement it precedes or sits in. A waiver of an unknown
rule, without a reason, or that waives nothing is itself a problem.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

RULES = (
    "require-concurrent-index-creation",
    "constraint-missing-not-valid",
    "adding-foreign-key-constraint",
    "changing-column-type",
    "adding-not-nullable-field",
)
WAIVER = "-- onemedi:lint-ok"
_WAIVER_RE = re.compile(r"--\s*onemedi:lint-ok\b[ \t]*(\S*)[ \t]*([^\n]*)")
_FIX = {
    "require-concurrent-index-creation": "build it with CREATE INDEX CONCURRENTLY in a change "
    "of its own marked `-- onemedi:no-transaction`",
    "constraint-missing-not-valid": "add it NOT VALID, then VALIDATE CONSTRAINT in a later "
    "change",
    "adding-foreign-key-constraint": "add the column first, then the foreign key NOT VALID, "
    "then VALIDATE CONSTRAINT in a later change",
    "changing-column-type": "add a new column and backfill it, or, when nothing is rewritten "
    "(a domain over the same type), say so in a waiver",
    "adding-not-nullable-field": "add CHECK (col IS NOT NULL) NOT VALID, validate it in a "
    "later change, then SET NOT NULL (which uses the valid CHECK instead of scanning)",
}


@dataclass(frozen=True)
class Finding:
    line: int
    rule: str
    message: str


@dataclass
class _Waiver:
    line: int
    rule: str
    reason: str
    start: int  # the span of text it covers
    end: int
    used: bool = False


def check(text: str) -> list[Finding]:
    """The findings of one deploy script (parsable SQL; parse errors are lint's `parse`)."""
    from pglast import parser

    raw = text.encode("utf-8")
    stmts = json.loads(parser.parse_sql_json(text)).get("stmts", [])
    spans = _spans(raw, stmts)
    waivers, findings = _waivers(text, spans)
    created = _created(stmts)
    added_not_valid: set[str] = set()
    for stmt, (start, end) in zip(stmts, spans, strict=True):
        line = _first_line(text, start, end)
        for rule, message in _statement_findings(stmt["stmt"], created, added_not_valid):
            waiver = next((w for w in waivers if w.rule == rule and w.start <= start
                           and end <= w.end), None)
            if waiver is not None:
                waiver.used = True
                continue
            findings.append(Finding(line, rule, f"{message}: {_FIX[rule]}; or waive it with "
                                    f"`{WAIVER} {rule} <why it is safe>`"))
    findings += [Finding(w.line, "waiver", f"waiver of {w.rule} waives nothing here (remove it)")
                 for w in waivers if not w.used]
    return sorted(findings, key=lambda f: (f.line, f.rule))


def _spans(raw: bytes, stmts: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Each statement's character span, from the end of the one before (so the comments
    above a statement are its own); pglast counts bytes."""
    spans: list[tuple[int, int]] = []
    previous = 0
    for stmt in stmts:
        start = stmt.get("stmt_location", 0)
        length = stmt.get("stmt_len", 0)
        end = len(raw[: start + length].decode("utf-8")) if length else len(raw.decode("utf-8"))
        spans.append((previous, end))
        previous = end
    return spans


def _first_line(text: str, start: int, end: int) -> int:
    body = re.sub(r"--[^\n]*", lambda m: " " * len(m[0]), text[start:end])
    offset = start + len(body) - len(body.lstrip("; \t\r\n"))
    return text.count("\n", 0, offset) + 1


def _waivers(text: str, spans: list[tuple[int, int]]) -> tuple[list[_Waiver], list[Finding]]:
    waivers: list[_Waiver] = []
    problems: list[Finding] = []
    for m in _WAIVER_RE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        rule, reason = m[1], m[2].strip()
        if rule not in RULES:
            problems.append(Finding(line, "waiver", f"waiver of unknown rule {rule!r} (one of: "
                                    f"{', '.join(RULES)})"))
            continue
        if len(reason.split()) < 2:
            problems.append(Finding(line, "waiver", f"waiver of {rule} without a reason: say "
                                    "why the statement is safe on a live table"))
            continue
        inside = [(s, e) for s, e in spans if s <= m.start() < e]
        if not inside:
            start, end = m.start(), m.start()  # after the last statement: covers nothing
        elif inside[0] == spans[0]:
            start, end = 0, len(text)  # the header: the whole script
        else:
            start, end = inside[0]
        waivers.append(_Waiver(line, rule, reason, start, end))
    return waivers, problems


def _name(rel: dict[str, Any] | None) -> str:
    rel = rel or {}
    return str(rel.get("relname", "")).lower()


def _qualified(rel: dict[str, Any] | None) -> str:
    rel = rel or {}
    schema = rel.get("schemaname")
    return f"{schema}.{rel.get('relname')}" if schema else str(rel.get("relname"))


def _created(stmts: list[dict[str, Any]]) -> set[str]:
    """Tables and domains the script creates (by unqualified name: new, hence empty)."""
    names: set[str] = set()
    for stmt in stmts:
        ((kind, node),) = stmt["stmt"].items()
        if kind == "CreateStmt":
            names.add(_name(node.get("relation")))
        elif kind == "CreateTableAsStmt":
            names.add(_name(node.get("into", {}).get("rel")))
        elif kind == "CreateDomainStmt":
            names.add("domain:" + _domain_name(node.get("domainname", [])))
    return names


def _domain_name(parts: list[dict[str, Any]]) -> str:
    return str(parts[-1].get("String", {}).get("sval", "")).lower() if parts else ""


def _statement_findings(stmt: dict[str, Any], created: set[str],
                        added_not_valid: set[str]) -> list[tuple[str, str]]:
    ((kind, node),) = stmt.items()
    if kind == "IndexStmt":
        if node.get("concurrent") or _name(node.get("relation")) in created:
            return []
        return [("require-concurrent-index-creation",
                 f"CREATE INDEX on {_qualified(node.get('relation'))} without CONCURRENTLY "
                 "blocks its writers while the index builds")]
    if kind == "AlterDomainStmt" and node.get("subtype") == "C":
        con = node.get("def", {}).get("Constraint", {})
        if con.get("skip_validation") or "domain:" + _domain_name(
                node.get("typeName", [])) in created:
            return []
        return [("constraint-missing-not-valid",
                 "ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID checks every stored value "
                 "of every column of the domain under a lock")]
    if kind != "AlterTableStmt" or _name(node.get("relation")) in created:
        return []
    table = _qualified(node.get("relation"))
    found: list[tuple[str, str]] = []
    for item in node.get("cmds", []):
        found += _command_findings(item.get("AlterTableCmd", {}), table, added_not_valid)
    return found


def _command_findings(cmd: dict[str, Any], table: str,
                      added_not_valid: set[str]) -> list[tuple[str, str]]:
    subtype = cmd.get("subtype")
    if subtype == "AT_AddConstraint":
        con = cmd.get("def", {}).get("Constraint", {})
        contype, name = con.get("contype"), con.get("conname", "")
        if con.get("skip_validation"):
            added_not_valid.add(name)
            return []
        if contype == "CONSTR_CHECK":
            return [("constraint-missing-not-valid",
                     f"CHECK {name} added to {table} without NOT VALID scans every row while "
                     "it blocks writes")]
        if contype == "CONSTR_FOREIGN":
            message = (f"foreign key {name} added to {table} without NOT VALID scans every row "
                       "while it blocks writes to both tables")
            return [("constraint-missing-not-valid", message),
                    ("adding-foreign-key-constraint", message)]
        return []
    if subtype == "AT_ValidateConstraint" and cmd.get("name") in added_not_valid:
        return [("constraint-missing-not-valid",
                 f"VALIDATE CONSTRAINT {cmd.get('name')} in the transaction that added it NOT "
                 "VALID holds the add's lock while it scans")]
    if subtype == "AT_AddColumn":
        column = cmd.get("def", {}).get("ColumnDef", {})
        refs = [c for c in column.get("constraints", [])
                if c.get("Constraint", {}).get("contype") == "CONSTR_FOREIGN"]
        if refs:
            return [("adding-foreign-key-constraint",
                     f"column {column.get('colname')} added to {table} with REFERENCES locks "
                     "both tables while the key is checked")]
        return []
    if subtype == "AT_AlterColumnType":
        return [("changing-column-type",
                 f"ALTER COLUMN {cmd.get('name')} TYPE on {table} takes ACCESS EXCLUSIVE and "
                 "rewrites the table unless the storage is unchanged")]
    if subtype == "AT_SetNotNull":
        return [("adding-not-nullable-field",
                 f"SET NOT NULL on {table}.{cmd.get('name')} scans the table under ACCESS "
                 "EXCLUSIVE")]
    return []
