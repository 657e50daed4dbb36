"""Generate the schema reference (`docs/schema/`) from a live database.

One Markdown page per table group of the design (groups A to J of docs/design.md
section 3, plus "Reference data" and "Other"), each with a Mermaid ERD (edges labelled with
the referencing columns) and, per table: columns, constraints, indexes, triggers, row level
security, policies, grants and every COMMENT ON text. `README.md` has an overview of the
groups and the foreign keys between them, and the links; `functions.md` (module
`functions`) is the client API reference.
The output is deterministic (sorted, no timestamps, no owner names) so `--check` can diff
it against the committed pages. Partitions are not listed one by one: they follow the
calendar, so the reference would drift every month.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from ..errors import DriftFound
from . import functions as fn
from .privileges import read_privileges, render_privileges

SCHEMA = "public"


@dataclass(frozen=True)
class Group:
    slug: str
    title: str
    tables: tuple[str, ...]


# The design's groups (section 3), then reference data; anything unmapped lands in "Other".
GROUPS: tuple[Group, ...] = (
    Group("a-identity-access", "Group A: Identity & Access",
          ("profiles", "family_members", "addresses", "roles")),
    Group("b-vendor-ecosystem", "Group B: Vendor Ecosystem",
          ("vendors", "vendor_locations", "vendor_staff", "vendor_kyc", "gst_registrations")),
    Group("c-service-catalog", "Group C: Service Catalog", ("service_catalog",)),
    Group("d-service-masters", "Group D: Service Masters",
          ("medicine_master", "medicine_alternatives", "lab_tests", "scans_master", "doctors",
           "services_master")),
    Group("e-pricing-availability", "Group E: Pricing & Availability",
          ("medicine_inventory", "lab_pricing", "scan_pricing", "service_pricing",
           "consult_pricing", "availability_slots", "doctor_slots")),
    Group("f-transactions", "Group F: Transactions",
          ("carts", "cart_items", "orders", "order_items", "order_invoices", "invoice_counters",
           "document_counters", "service_bookings", "order_artifacts", "prescription_checks")),
    Group("g-financial-compliance", "Group G: Financial & Compliance",
          ("tax_slabs", "refunds", "vendor_payouts", "audit_logs", "audit_log_chain",
           "audit_log_chain_queue", "schedule_h1_register", "payment_ref_conflicts")),
    Group("h-marketing-config", "Group H: Marketing & Config",
          ("coupons", "coupon_redemptions", "marketing_assets", "feature_flags",
           "content_master")),
    Group("i-ui-configuration", "Group I: UI Configuration Layer",
          ("ui_menus", "ui_menu_items", "ui_carousels", "ui_carousel_items")),
    Group("j-taxonomy", "Group J: Central Taxonomy & Filter Engine",
          ("taxonomies", "taxonomy_terms", "service_taxonomy_map")),
    Group("reference-data", "Reference data", ("states", "cities")),
)
OTHER = Group("other", "Other", ())
_KINDS = {"r": "table", "p": "partitioned table", "v": "view", "m": "materialized view",
          "f": "foreign table"}
_CMDS = {"r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE", "*": "ALL"}


@dataclass
class Table:
    name: str
    kind: str
    comment: str | None
    rls: bool
    force_rls: bool
    partition_key: str | None
    view_def: str | None
    columns: list[dict[str, Any]] = field(default_factory=list)
    constraints: list[dict[str, Any]] = field(default_factory=list)
    indexes: list[dict[str, Any]] = field(default_factory=list)
    triggers: list[dict[str, Any]] = field(default_factory=list)
    policies: list[dict[str, Any]] = field(default_factory=list)
    grants: list[tuple[str, str]] = field(default_factory=list)
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)


# -- reading the catalog ---------------------------------------------------------------------
def _rows(conn: psycopg.Connection[Any], query: str) -> list[dict[str, Any]]:
    cur = conn.execute(query.encode(), (SCHEMA,))
    names = [d.name for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def read_schema(conn: psycopg.Connection[Any]) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for r in _rows(conn, """
        SELECT c.relname, c.relkind, obj_description(c.oid, 'pg_class') AS comment,
               c.relrowsecurity, c.relforcerowsecurity,
               pg_get_partkeydef(c.oid) AS partkey,
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS viewdef
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
        ORDER BY c.relname"""):
        tables[r["relname"]] = Table(r["relname"], _KINDS[r["relkind"]], r["comment"],
                                     r["relrowsecurity"], r["relforcerowsecurity"],
                                     r["partkey"], r["viewdef"])
    for r in _rows(conn, """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
               pg_get_expr(d.adbin, d.adrelid) AS default, a.attnotnull, a.attgenerated,
               col_description(c.oid, a.attnum) AS comment,
               -- Grants only, never who granted them: the reference is the same whichever
               -- role deployed the schema.
               (SELECT array_agg(DISTINCT CASE WHEN x.grantee = 0 THEN 'PUBLIC'
                                          ELSE pg_get_userbyid(x.grantee) END
                                 || ': ' || x.privilege_type
                                 || CASE WHEN x.is_grantable THEN ' (with grant option)'
                                    ELSE '' END)
                  FROM aclexplode(a.attacl) x WHERE x.grantee <> c.relowner) AS acl,
               EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p'
                       AND a.attnum = ANY (k.conkey)) AS pk
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = %s AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum"""):
        if r["relname"] in tables:
            tables[r["relname"]].columns.append(r)
    for r in _rows(conn, """
        SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid, true) AS def,
               obj_description(k.oid, 'pg_constraint') AS comment, f.relname AS ref,
               (SELECT array_agg(a.attname ORDER BY array_position(k.conkey, a.attnum))
                 FROM pg_attribute a
                 WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)) AS cols,
               (SELECT bool_and(a.attnotnull) FROM pg_attribute a
                 WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)) AS notnull,
               rn.nspname AS ref_schema
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class f ON f.oid = k.confrelid
        LEFT JOIN pg_namespace rn ON rn.oid = f.relnamespace
        WHERE n.nspname = %s ORDER BY c.relname, k.conname"""):
        if r["relname"] in tables:
            tables[r["relname"]].constraints.append(r)
            if r["contype"] == "f":
                tables[r["relname"]].foreign_keys.append(r)
    for r in _rows(conn, """
        SELECT t.relname, i.relname AS name, pg_get_indexdef(i.oid) AS def,
               obj_description(i.oid, 'pg_class') AS comment
        FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = %s ORDER BY t.relname, i.relname"""):
        if r["relname"] in tables:
            tables[r["relname"]].indexes.append(r)
    for r in _rows(conn, """
        SELECT c.relname, t.tgname AS name, pg_get_triggerdef(t.oid, true) AS def,
               t.tgenabled AS enabled, obj_description(t.oid, 'pg_trigger') AS comment
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %s AND NOT t.tgisinternal ORDER BY c.relname, t.tgname"""):
        if r["relname"] in tables:
            tables[r["relname"]].triggers.append(r)
    for r in _rows(conn, """
        SELECT p.tablename AS relname, p.policyname AS name, p.permissive, p.cmd,
               p.roles::text[] AS roles, p.qual, p.with_check,
               obj_description(o.oid, 'pg_policy') AS comment
        FROM pg_policies p
        JOIN pg_policy o ON o.polname = p.policyname
         AND o.polrelid = format('%%I.%%I', p.schemaname, p.tablename)::regclass
        WHERE p.schemaname = %s ORDER BY p.tablename, p.policyname"""):
        if r["relname"] in tables:
            tables[r["relname"]].policies.append(r)
    for r in _rows(conn, """
        SELECT c.relname, CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                              ELSE pg_get_userbyid(a.grantee) END AS grantee,
               a.privilege_type, a.is_grantable
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
             aclexplode(c.relacl) a
        WHERE n.nspname = %s AND a.grantee <> c.relowner
        ORDER BY 1, 2, 3"""):
        if r["relname"] in tables:
            privilege = r["privilege_type"] + (" (with grant option)" if r["is_grantable"] else "")
            tables[r["relname"]].grants.append((r["grantee"], privilege))
    return tables


def read_enums(conn: psycopg.Connection[Any]) -> list[tuple[str, str, str | None]]:
    return [(r["typname"], ", ".join(r["labels"]), r["comment"]) for r in _rows(conn, """
        SELECT t.typname, obj_description(t.oid, 'pg_type') AS comment,
               array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = %s GROUP BY t.oid, t.typname ORDER BY t.typname""")]


# -- rendering -------------------------------------------------------------------------------
_GRANTOR = re.compile(r'/(?:"(?:[^"]|"")*"|[^/"]*)$')


def _without_grantor(entry: str) -> str:
    """`anon=r/postgres` as `anon=r`: the grantor is whoever owns the table where it was
    deployed (the migration role), not part of the schema."""
    return _GRANTOR.sub("", entry)


def _cell(value: Any) -> str:
    if value is None or value == "":
        return ""
    text = " ".join(str(value).split())
    return text.replace("|", "\\|")


def _code(value: Any) -> str:
    text = _cell(value)
    return f"`{text}`" if text else ""


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return [*out, ""]


def _mermaid_type(type_name: str) -> str:
    base = re.sub(r"\(.*?\)", "", type_name).strip()
    array = base.endswith("[]")
    base = re.sub(r"[^A-Za-z0-9_]+", "_", base.removesuffix("[]")).strip("_")
    return base + ("_array" if array else "")


def _fk_columns(fk: dict[str, Any]) -> str:
    return ", ".join(fk["cols"] or ())


def _relationship(fk: dict[str, Any], child: str) -> str:
    parent_card = "||" if fk["notnull"] else "|o"
    return f'    {fk["ref"]} {parent_card}--o{{ {child} : "{_fk_columns(fk)}"'


def erd(tables: list[Table]) -> list[str]:
    """A group's ERD: its tables with their columns, and every foreign key leaving them
    (a table of another group appears as a bare entity), labelled with its columns."""
    lines = ["```mermaid", "erDiagram"]
    for table in tables:
        fk_cols = {c for fk in table.foreign_keys for c in fk["cols"] or ()}
        lines.append(f"    {table.name} {{")
        for col in table.columns:
            keys = [k for k, on in (("PK", col["pk"]), ("FK", col["attname"] in fk_cols)) if on]
            lines.append(f"        {_mermaid_type(col['type'])} {col['attname']}"
                         + (f" {','.join(keys)}" if keys else ""))
        lines.append("    }")
    for table in tables:
        for fk in table.foreign_keys:
            if fk["ref_schema"] == SCHEMA:
                lines.append(_relationship(fk, table.name))
    return [*lines, "```", ""]


def render_table(table: Table) -> list[str]:
    out = [f"## {table.name}", ""]
    out += [f"*{table.kind}*" + (f", partitioned by `{table.partition_key}` (its partitions "
                                  "follow the calendar and are not listed)"
                                  if table.partition_key else ""), ""]
    if table.comment:
        out += [_cell(table.comment), ""]
    out += ["### Columns", ""]
    out += _table(["column", "type", "default", "not null", "comment"], [
        [f"`{c['attname']}`", _code(c["type"]),
         _code(c["default"]) + (" (generated)" if c["attgenerated"] else ""),
         "yes" if c["attnotnull"] else "", _cell(c["comment"])] for c in table.columns])
    kinds = {"p": "primary key", "f": "foreign key", "u": "unique", "c": "check",
             "x": "exclusion", "t": "trigger"}
    if table.constraints:
        out += ["### Constraints", ""]
        out += _table(["name", "kind", "definition", "comment"], [
            [f"`{k['conname']}`", kinds.get(k["contype"], k["contype"]), _code(k["def"]),
             _cell(k["comment"])] for k in table.constraints])
    if table.indexes:
        out += ["### Indexes", ""]
        out += _table(["name", "definition", "comment"], [
            [f"`{i['name']}`", _code(i["def"]), _cell(i["comment"])] for i in table.indexes])
    if table.triggers:
        out += ["### Triggers", ""]
        out += _table(["name", "definition", "enabled", "comment"], [
            [f"`{t['name']}`", _code(t["def"]),
             {"O": "origin", "A": "always", "R": "replica", "D": "disabled"}.get(t["enabled"], ""),
             _cell(t["comment"])] for t in table.triggers])
    if table.kind != "view":
        out += ["### Row level security", "",
                "RLS " + ("enabled" if table.rls else "**disabled**")
                + (", forced for the owner" if table.force_rls else "") + ".", ""]
    if table.policies:
        out += _table(["policy", "kind", "roles", "command", "USING", "WITH CHECK", "comment"], [
            [_cell(p["name"]), _cell(p["permissive"]).lower(),
             ", ".join(sorted(p["roles"] or [])), p["cmd"], _code(p["qual"]),
             _code(p["with_check"]), _cell(p["comment"])] for p in table.policies])
    if table.grants:
        by_role: dict[str, list[str]] = defaultdict(list)
        for grantee, privilege in table.grants:
            by_role[grantee].append(privilege)
        col_grants = [(c["attname"], _without_grantor(a)) for c in table.columns
                      for a in sorted(c["acl"] or [])]
        out += ["### Grants", ""]
        out += _table(["role", "privileges"], [
            [grantee, ", ".join(sorted(privs))] for grantee, privs in sorted(by_role.items())])
        if col_grants:
            out += _table(["column", "granted"], [[f"`{c}`", a] for c, a in col_grants])
    else:
        out += ["### Grants", "", "None besides the owner.", ""]
    if table.view_def:
        out += ["### Definition", "", "```sql", table.view_def.strip(), "```", ""]
    return out


def group_of(name: str) -> Group:
    return next((g for g in GROUPS if name in g.tables), OTHER)


AUTH_NODE = ("auth", "Supabase Auth: auth.users")


def overview(tables: dict[str, Table], groups: list[Group]) -> list[str]:
    """The groups as boxes and the foreign keys between them as arrows (from the group
    holding the key to the group it references), each labelled with the referencing
    columns, table by table; a table of every crossing below the diagram."""
    order = {g.slug: k for k, g in enumerate(groups)}
    node = {g.slug: "g_" + g.slug.replace("-", "_") for g in groups}
    labels: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    rows: list[tuple[int, str, list[str]]] = []
    for table in sorted(tables.values(), key=lambda t: t.name):
        here = group_of(table.name)
        for fk in table.foreign_keys:
            if fk["ref_schema"] == SCHEMA and fk["ref"] in tables:
                there = group_of(fk["ref"])
                if there.slug == here.slug:
                    continue
                target, ref = node[there.slug], f"[{fk['ref']}]({there.slug}.md#{fk['ref']})"
            elif fk["ref_schema"] == "auth":
                target, ref = AUTH_NODE[0], f"`auth.{fk['ref']}`"
            else:
                continue
            columns = labels[(node[here.slug], target)][table.name]
            columns += [c for c in fk["cols"] or () if c not in columns]
            rows.append((order[here.slug], f"{table.name}.{_fk_columns(fk)}",
                         [f"[{here.title}]({here.slug}.md)",
                          f"`{table.name}` ({_fk_columns(fk)})", ref]))
    lines = ["```mermaid", "flowchart LR"]
    for g in groups:
        count = sum(1 for t in tables.values() if group_of(t.name).slug == g.slug)
        lines.append(f'    {node[g.slug]}["{g.title}<br/>{count} table{"s" * (count != 1)}"]')
    if any(target == AUTH_NODE[0] for _, target in labels):
        lines.append(f'    {AUTH_NODE[0]}["{AUTH_NODE[1]}"]')
    for (child, parent), by_table in sorted(labels.items()):
        text = "<br/>".join(f"{t}: {', '.join(cols)}" for t, cols in sorted(by_table.items()))
        lines.append(f'    {child} -->|"{text}"| {parent}')
    lines += ["```", "",
              "Each arrow goes from the group holding a foreign key to the group it references, "
              "labelled with the referencing table and columns. Every foreign key between "
              "groups:", ""]
    return lines + _table(["from group", "table (columns)", "references"],
                          [r for _, _, r in sorted(rows, key=lambda r: (r[0], r[1]))])


def render(conn: psycopg.Connection[Any], errors_page: str) -> dict[str, str]:
    """File name -> Markdown text for the whole reference; `errors_page` is the text of
    docs/errors.md, which the function entries link their error codes to."""
    tables = read_schema(conn)
    grouped: dict[str, list[Table]] = defaultdict(list)
    for table in tables.values():
        grouped[group_of(table.name).slug].append(table)
    groups = [g for g in (*GROUPS, OTHER) if grouped.get(g.slug)]
    pages: dict[str, str] = {}
    for group in groups:
        members = sorted(grouped[group.slug], key=lambda t: t.name)
        lines = [f"# {group.title}", "",
                 "Generated by `onemedi-db docs` from a deployed database; do not edit.", "",
                 "[All groups](README.md)", ""]
        lines += [f"- [{t.name}](#{t.name})" + (f": {_cell(t.comment)}" if t.comment else "")
                  for t in members] + [""]
        lines += erd(members)
        for table in members:
            lines += render_table(table)
        pages[f"{group.slug}.md"] = "\n".join(lines).rstrip("\n") + "\n"
    lines = ["# Schema reference", "",
             f"Generated by `onemedi-db docs` from a deployed database (schema `{SCHEMA}`); "
             "do not edit. `onemedi-db docs --check` fails when these pages differ from it.", ""]
    lines += _table(["group", "tables"], [
        [f"[{g.title}]({g.slug}.md)",
         ", ".join(f"[{t.name}]({g.slug}.md#{t.name})"
                   for t in sorted(grouped[g.slug], key=lambda t: t.name))] for g in groups])
    lines += ["Functions a client may call (RPCs), with their arguments, who may execute them "
              "and their errors: [functions.md](functions.md).", ""]
    lines += ["## How the groups connect", ""]
    lines += overview(tables, groups)
    enums = read_enums(conn)
    if enums:
        lines += ["## Enums", ""]
        lines += _table(["type", "values", "comment"],
                        [[f"`{n}`", _code(v), _cell(c)] for n, v, c in enums])
    pages["README.md"] = "\n".join(lines).rstrip("\n") + "\n"
    pages["functions.md"] = fn.render_functions(fn.read_functions(conn, SCHEMA), errors_page)
    privileges = read_privileges(conn)
    if privileges is not None:
        pages["privileges.md"] = render_privileges(privileges)
        lines.insert(lines.index("## How the groups connect"), "What the API roles may do on "
                     "every object of `public` and `private`: [privileges.md](privileges.md).")
        lines.insert(lines.index("## How the groups connect"), "")
        pages["README.md"] = "\n".join(lines).rstrip("\n") + "\n"
    return pages


def write(pages: dict[str, str], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in sorted(pages.items()):
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    for stale in sorted(out_dir.glob("*.md")):
        if stale.name not in pages:
            stale.unlink()
            written.append(stale)
    return written


def check(pages: dict[str, str], out_dir: Path) -> None:
    """Raise DriftFound naming every page that differs from, is missing from or extra in out_dir."""
    existing = {p.name for p in out_dir.glob("*.md")} if out_dir.is_dir() else set()
    differing = sorted(
        name for name in set(pages) | existing
        if name not in pages or name not in existing
        or (out_dir / name).read_text(encoding="utf-8") != pages[name]
    )
    if differing:
        raise DriftFound(
            f"{out_dir} differs from the database in {len(differing)} file(s): "
            + ", ".join(differing),
            hint="run `onemedi-db docs` and commit the result",
        )
