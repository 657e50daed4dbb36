"""Rule `api-privileges`: a change after the last tag that creates a table, view, sequence or
function in public or private revokes everything from the API roles first.

Supabase gives anon, authenticated and service_role ALL on every table and sequence, and
EXECUTE on every function, that `postgres` creates in public (projects made before 30 May
2026, self-hosted and local ones); PostgreSQL itself gives PUBLIC EXECUTE on every new
function. A change that only GRANTs what it means leaves those in place. So each such object
must be named by `REVOKE ALL ON ... FROM` covering PUBLIC, anon, authenticated and
service_role in the same script (one statement or several), before the change's own grants.
`CREATE OR REPLACE FUNCTION` keeps the grants of the function it replaces and is not checked;
temporary tables are not either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pglast import ast, parser
from pglast.enums import GrantTargetType, ObjectType, RoleSpecType

RULE = "api-privileges"
ROLES = frozenset({"public", "anon", "authenticated", "service_role"})
SCHEMAS = frozenset({"public", "private"})
# REVOKE ... ON TABLE also covers views and sequences.
_KIND = {ObjectType.OBJECT_TABLE: "relation", ObjectType.OBJECT_SEQUENCE: "relation",
         ObjectType.OBJECT_FUNCTION: "function", ObjectType.OBJECT_PROCEDURE: "function"}


@dataclass
class _Created:
    kind: str
    name: str
    line: int
    revoked: set[str] = field(default_factory=set)


def check(text: str) -> list[tuple[int, str]]:
    """(line, message) of each object the script creates without revoking the API roles."""
    created: dict[tuple[str, str], _Created] = {}
    for raw in parser.parse_sql(text):
        line = text[: raw.stmt_location or 0].count("\n") + 1
        found = _creation(raw.stmt)
        if found is not None:
            kind, name = found
            created.setdefault((kind, name), _Created(kind, name, line))
        for key, roles in _revocations(raw.stmt):
            if key in created:
                created[key].revoked |= roles
    return [(c.line, f"{c.name} is created without `REVOKE ALL ON "
             f"{'FUNCTION' if c.kind == 'function' else 'TABLE'} {c.name} FROM "
             f"{', '.join(sorted(ROLES - c.revoked))}`: on Supabase the default privileges "
             "grant it to the API roles; revoke everything, then grant what it needs")
            for c in created.values() if not c.revoked >= ROLES]


def _qualified(schema: str | None, name: str | None) -> str | None:
    schema = schema or "public"
    return f"{schema}.{name}" if schema in SCHEMAS and name else None


def _creation(node: ast.Node | None) -> tuple[str, str] | None:
    if isinstance(node, ast.CreateStmt | ast.CreateSeqStmt | ast.ViewStmt):
        rel = (node.view if isinstance(node, ast.ViewStmt)
               else node.sequence if isinstance(node, ast.CreateSeqStmt) else node.relation)
        if rel is None or getattr(rel, "relpersistence", "p") == "t":
            return None
        name = _qualified(rel.schemaname, rel.relname)
        return ("relation", name) if name else None
    if isinstance(node, ast.CreateTableAsStmt) and node.into is not None:
        rel = node.into.rel
        if rel is None or getattr(rel, "relpersistence", "p") == "t":
            return None
        name = _qualified(rel.schemaname, rel.relname)
        return ("relation", name) if name else None
    if isinstance(node, ast.CreateFunctionStmt) and not node.replace:
        names = [n.sval for n in node.funcname or ()]
        schema, name = (names[0], names[1]) if len(names) == 2 else (None, names[-1])
        qualified = _qualified(schema, name)
        return ("function", qualified) if qualified else None
    return None


def _revocations(node: ast.Node | None) -> list[tuple[tuple[str, str], set[str]]]:
    """The objects a `REVOKE ALL ... FROM roles` names, each with the API roles it covers."""
    if not (isinstance(node, ast.GrantStmt) and not node.is_grant and node.privileges is None
            and node.targtype == GrantTargetType.ACL_TARGET_OBJECT
            and node.objtype in _KIND):
        return []
    roles = {"public" if g.roletype == RoleSpecType.ROLESPEC_PUBLIC else str(g.rolename)
             for g in node.grantees or () if isinstance(g, ast.RoleSpec)}
    kind = _KIND[node.objtype]
    out: list[tuple[tuple[str, str], set[str]]] = []
    for obj in node.objects or ():
        if isinstance(obj, ast.RangeVar):
            name = _qualified(obj.schemaname, obj.relname)
        elif isinstance(obj, ast.ObjectWithArgs):
            names = [n.sval for n in obj.objname or ()]
            name = _qualified(names[0] if len(names) == 2 else None, names[-1])
        else:
            name = None
        if name:
            out.append(((kind, name), roles & ROLES))
    return out
