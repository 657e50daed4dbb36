"""The client API reference: `docs/schema/functions.md`, the functions a client may call.

A function is in the client reference when `anon` or `authenticated` may EXECUTE it (their
effective privilege, PUBLIC included); one only `service_role` may execute is listed apart,
as backend-only. Trigger functions, extension members and functions nobody but the owner
executes are internal and not listed. Each entry gives the signature, the arguments, the
return type, the `COMMENT ON FUNCTION` text, who may execute it, how PostgREST serves it
(STABLE and IMMUTABLE functions answer GET and POST, VOLATILE ones POST only) and the error
codes its comment names, each linked to the section of `docs/errors.md` that explains it.

The errors page is passed in as text (`ErrorIndex.parse`): this module reads no file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import psycopg
import psycopg.errors

API_ROLES = ("anon", "authenticated", "service_role")
CLIENT_ROLES = ("anon", "authenticated")
# An OM code, or five characters that could be a SQLSTATE (checked against PostgreSQL's list).
_CODE = re.compile(r"\b(OM\d{3}|[0-9A-Z]{5})\b")
_HEADING = re.compile(r"^(#{2,6}) (.+)$")
_VOLATILITY = {"v": "volatile", "s": "stable", "i": "immutable"}


@dataclass
class Argument:
    name: str
    type: str
    mode: str  # in, out, inout, variadic, table
    optional: bool


@dataclass
class Function:
    name: str
    identity: str  # the argument list that identifies an overload
    arguments: str  # pg_get_function_arguments: names, types and defaults
    result: str
    returns_set: bool
    volatility: str
    security_definer: bool
    comment: str | None
    executors: list[str]
    args: list[Argument] = field(default_factory=list)

    @property
    def client(self) -> bool:
        return any(role in self.executors for role in CLIENT_ROLES)

    @property
    def http(self) -> str:
        return "POST" if self.volatility == "volatile" else "GET or POST"

    def codes(self) -> list[str]:
        """OM codes and SQLSTATEs named in the comment, in the order it names them."""
        found: list[str] = []
        for code in _CODE.findall(self.comment or ""):
            if code not in found and (code.startswith("OM") or is_sqlstate(code)):
                found.append(code)
        return found


def is_sqlstate(code: str) -> bool:
    try:
        psycopg.errors.lookup(code)
    except KeyError:
        return False
    return True


def condition_name(code: str) -> str:
    """PostgreSQL's condition name of a SQLSTATE (insufficient_privilege for 42501)."""
    if code.startswith("OM"):
        return ""
    name = psycopg.errors.lookup(code).__name__
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# -- reading the catalog ---------------------------------------------------------------------
_FUNCTIONS = """
    SELECT p.oid::int AS oid, p.proname,
           pg_get_function_identity_arguments(p.oid) AS identity,
           pg_get_function_arguments(p.oid) AS arguments,
           pg_get_function_result(p.oid) AS result, p.proretset, p.provolatile, p.prosecdef,
           obj_description(p.oid, 'pg_proc') AS comment,
           ARRAY(SELECT r.rolname::text FROM pg_roles r
                 WHERE r.rolname = ANY (%(roles)s)
                   AND has_function_privilege(r.oid, p.oid, 'EXECUTE')
                 ORDER BY array_position(%(roles)s, r.rolname::text)) AS executors,
           p.pronargdefaults, p.proargnames, p.proargmodes::text[] AS argmodes,
           ARRAY(SELECT format_type(u.t, NULL)
                 FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]))
                      WITH ORDINALITY AS u (t, k)
                 ORDER BY u.k) AS argtypes
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = %(schema)s AND p.prokind = 'f'
      AND p.prorettype NOT IN ('trigger'::regtype, 'event_trigger'::regtype)
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                      AND d.objid = p.oid AND d.deptype = 'e')
    ORDER BY p.proname, identity"""
_MODES = {"i": "in", "o": "out", "b": "inout", "v": "variadic", "t": "table"}


def _arguments(row: dict[str, Any]) -> list[Argument]:
    types: list[str] = row["argtypes"] or []
    names: list[str] = row["proargnames"] or []
    modes: list[str] = row["argmodes"] or ["i"] * len(types)
    inputs = [k for k, m in enumerate(modes) if m in ("i", "b", "v")]
    defaults = row["pronargdefaults"]
    optional = set(inputs[len(inputs) - defaults:]) if defaults else set()
    return [Argument(names[k] if k < len(names) else "", type_name, _MODES[modes[k]],
                     k in optional) for k, type_name in enumerate(types)]


def read_functions(conn: psycopg.Connection[Any], schema: str = "public") -> list[Function]:
    """Every function of `schema` that an API role may execute, with its arguments."""
    cur = conn.execute(_FUNCTIONS.encode(), {"schema": schema, "roles": list(API_ROLES)})
    names = [d.name for d in cur.description or ()]
    functions = []
    for values in cur.fetchall():
        row = dict(zip(names, values, strict=True))
        if not row["executors"]:
            continue  # internal: only the owner (and definer functions) runs it
        functions.append(Function(
            row["proname"], row["identity"], row["arguments"], row["result"], row["proretset"],
            _VOLATILITY[row["provolatile"]], row["prosecdef"], row["comment"],
            list(row["executors"]), _arguments(row)))
    return functions


# -- docs/errors.md ----------------------------------------------------------------------------
def anchor(heading: str) -> str:
    """GitHub's anchor of a heading: links and code marks dropped, lower case, punctuation
    removed, spaces turned into hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


@dataclass
class ErrorIndex:
    """Where `docs/errors.md` explains each code: code -> [(section anchor, raised-by cell)]."""

    rows: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> ErrorIndex:
        rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
        section = ""
        for line in text.splitlines():
            heading = _HEADING.match(line)
            if heading:
                section = anchor(heading[2])
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not line.startswith("|") or len(cells) < 2:
                continue
            for code in re.findall(r"\b(OM\d{3}|[0-9A-Z]{5})\b", cells[0]):
                rows[code].append((section, cells[1]))
        return cls(dict(rows))

    def link(self, code: str, function: str) -> str | None:
        """The section explaining `code`, preferring one whose row names `function`."""
        places = self.rows.get(code, [])
        named = [s for s, raised_by in places
                 if re.search(rf"(?<![\w.]){re.escape(function)}(?!\w)", raised_by)]
        chosen = named or [s for s, _ in places]
        return chosen[0] if chosen else None


# -- rendering -------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    text = " ".join(str(value or "").split())
    return text.replace("|", "\\|")


def _errors(function: Function, index: ErrorIndex, page: str) -> str:
    parts = []
    for code in function.codes():
        section = index.link(code, function.name)
        name = condition_name(code)
        label = f"`{code}`" + (f" {name}" if name else "")
        parts.append(f"[{label}]({page}#{section})" if section else f"{label} (not in errors.md)")
    return ", ".join(parts) or "none named in its comment"


def _returns(function: Function) -> str:
    shape = "rows (an array)" if function.returns_set else "one value (an object for a row type)"
    columns = [f"`{a.name}` {a.type}" for a in function.args if a.mode in ("out", "inout", "table")]
    # OUT arguments make the result `record`: say what it holds (TABLE(...) already does).
    fields = f", with the fields {', '.join(columns)}" if columns and "record" in \
        function.result else ""
    return f"`{_cell(function.result)}`: {shape}{fields}"


def _entry(function: Function, index: ErrorIndex, page: str) -> list[str]:
    out = [f"`public.{function.name}({_cell(function.arguments)}) RETURNS "
           f"{_cell(function.result)}`", ""]
    if function.comment:
        out += [_cell(function.comment), ""]
    inputs = [a for a in function.args if a.mode in ("in", "inout", "variadic")]
    if inputs:
        out += ["| argument | type | required |", "|---|---|---|"]
        out += [f"| `{a.name}` | `{a.type}` | {'no (has a default)' if a.optional else 'yes'} |"
                for a in inputs]
        out += [""]
    body = ", ".join(f"{a.name}: ..." for a in inputs)
    runs_as = "its owner (SECURITY DEFINER)" if function.security_definer else "the caller"
    call = f"supabase.rpc('{function.name}'" + (f", {{ {body} }}" if inputs else "") + ")"
    out += [
        f"- **Returns**: {_returns(function)}",
        f"- **Who may execute**: {', '.join(function.executors)}",
        f"- **Runs as**: {runs_as}",
        f"- **Volatility**: {function.volatility}, so PostgREST serves it by {function.http}"
        f" (`/rest/v1/rpc/{function.name}`; supabase-js `{call}`"
        + (", or with `{ get: true }`" if function.http != "POST" else "") + ")",
        f"- **Errors**: {_errors(function, index, page)}",
        "",
    ]
    return out


def _section(title: str, intro: str, functions: list[Function], index: ErrorIndex,
             page: str) -> list[str]:
    out = [f"## {title}", "", intro, ""]
    if not functions:
        return [*out, "None.", ""]
    out += ["| function | returns | who may execute | HTTP |", "|---|---|---|---|"]
    seen: set[str] = set()
    for f in functions:
        link = f"[{f.name}](#{anchor(f.name)})" if f.name not in seen else f.name
        seen.add(f.name)
        out.append(f"| {link} | `{_cell(f.result)}` | {', '.join(f.executors)} | {f.http} |")
    out.append("")
    by_name: dict[str, list[Function]] = defaultdict(list)
    for f in functions:
        by_name[f.name].append(f)
    for name, overloads in by_name.items():
        out += [f"### {name}", ""]
        for f in overloads:
            out += _entry(f, index, page)
    return out


def render_functions(functions: list[Function], errors_page: str,
                     errors_link: str = "../errors.md") -> str:
    """The Markdown of functions.md; `errors_page` is the text of docs/errors.md."""
    index = ErrorIndex.parse(errors_page)
    client = [f for f in functions if f.client]
    backend = [f for f in functions if not f.client and "service_role" in f.executors]
    lines = [
        "# Functions a client may call", "",
        "Generated by `onemedi-db docs` from a deployed database; do not edit. "
        "[All groups](README.md). How to call them from an app: "
        "[the client guide](../client-guide.md).", "",
        "Every function of schema `public` that `anon` or `authenticated` may execute is an "
        "RPC of the Data API: `POST /rest/v1/rpc/NAME` with the arguments as a JSON object "
        "named as below, or `supabase.rpc('NAME', { ... })`. STABLE and IMMUTABLE functions "
        "also answer GET; VOLATILE ones only POST (PostgREST runs GET requests read-only). "
        "Errors reach the client as `error.code` (the SQLSTATE: `OMnnn` for ours), "
        "`error.message`, `error.details` and `error.hint`; each code links to "
        f"[the errors page]({errors_link}). Trigger functions and helpers that only their "
        "owner executes are internal and not listed.", "",
    ]
    lines += _section(
        "Client functions", "Callable with a signed-in user's session (`authenticated`), and "
        "by `anon` where listed.", client, index, errors_link)
    lines += _section(
        "Backend only (service_role)", "Executable by `service_role` alone: the backend "
        "calls them with the service key; an app's user session cannot.", backend, index,
        errors_link)
    return "\n".join(lines).rstrip("\n") + "\n"
