"""The committed schema reference (docs/schema) is what `onemedi-db docs` generates now, and
says what a client needs: every function an API role may call, its errors explained in
docs/errors.md, group ERDs labelled with columns, an overview of how the groups connect.

Regenerate with `make docs` after changing the schema; the first test is CI's guard against
a stale reference.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from onemedi_db.reference import functions as fn
from onemedi_db.reference import schemadoc

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DOCS = ROOT / "docs" / "schema"
ERRORS = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")

# What PostgreSQL's ACLs say, written independently of functions.py: EXECUTE is granted to
# a role directly or to PUBLIC, and a NULL acl means the default (PUBLIC may execute).
EXECUTABLE_BY = """
    SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype
      AND EXISTS (SELECT FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                  WHERE a.privilege_type = 'EXECUTE'
                    AND (a.grantee = 0 OR a.grantee = ANY (
                         SELECT oid FROM pg_roles WHERE rolname = ANY (%s))))
    ORDER BY 1"""


def test_committed_schema_reference_is_current(schema_db: str) -> None:
    with psycopg.connect(schema_db) as conn:
        pages = schemadoc.render(conn, ERRORS)
    schemadoc.check(pages, SCHEMA_DOCS)  # raises DriftFound naming the files


def _sections(page: str) -> dict[str, str]:
    """`## Title` -> the text under it."""
    parts = re.split(r"^## (.+)$", page, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _listed(section: str) -> set[str]:
    return set(re.findall(r"^### (\w+)$", section, re.M))


def test_functions_page_lists_exactly_what_api_roles_may_execute(schema_db: str) -> None:
    page = (SCHEMA_DOCS / "functions.md").read_text(encoding="utf-8")
    sections = _sections(page)
    client = _listed(sections["Client functions"])
    backend = _listed(sections["Backend only (service_role)"])
    with psycopg.connect(schema_db) as conn:
        by_clients = {r[0] for r in conn.execute(EXECUTABLE_BY, (["anon", "authenticated"],))}
        by_service = {r[0] for r in conn.execute(EXECUTABLE_BY, (["service_role"],))}
        triggers = {r[0] for r in conn.execute(
            "SELECT proname FROM pg_proc WHERE pronamespace IN ('public'::regnamespace, "
            "'private'::regnamespace) AND prorettype = 'trigger'::regtype")}
    assert client == by_clients
    assert backend == by_service - by_clients
    # The RPCs issue 17 names are there; trigger functions (in private since issue 14) have
    # no entry on the page.
    assert {"place_order", "book_slot", "cancel_booking", "cancel_order",
            "request_refund"} <= client
    assert triggers and not {t for t in triggers
                             if re.search(rf"^### {t}$|\[{t}\]", page, re.M)}


def test_each_entry_says_how_to_call_it(schema_db: str) -> None:
    page = (SCHEMA_DOCS / "functions.md").read_text(encoding="utf-8")
    entry = page.split("### place_order\n", 1)[1].split("\n### ", 1)[0]
    with psycopg.connect(schema_db) as conn:
        args, result, comment = conn.execute(
            "SELECT pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), "
            "obj_description(p.oid, 'pg_proc') FROM pg_proc p "
            "WHERE p.oid = 'public.place_order(uuid, uuid, numeric, text)'::regprocedure"
        ).fetchone()  # type: ignore[misc]
    assert f"`public.place_order({args}) RETURNS {result}`" in entry
    assert " ".join(comment.split()) in entry
    assert "- **Who may execute**: authenticated, service_role" in entry
    assert "serves it by POST" in entry
    assert "[`OM010`](../errors.md#slots-and-orders)" in entry
    assert "[`42501` insufficient_privilege](../errors.md#slots-and-orders)" in entry
    stable = page.split("### tax_slab_for\n", 1)[1].split("\n### ", 1)[0]
    assert "stable, so PostgREST serves it by GET or POST" in stable


def test_read_functions_follows_grants_volatility_and_comments(schema_db: str) -> None:
    with psycopg.connect(schema_db) as conn, conn.transaction(force_rollback=True):
        conn.execute("""
            CREATE SCHEMA om_probe;
            CREATE FUNCTION om_probe.open(p_x int, p_y text DEFAULT 'a') RETURNS int
                LANGUAGE sql STABLE AS 'SELECT 1';
            COMMENT ON FUNCTION om_probe.open(int, text) IS
                'Errors: OM999 a custom code; 42501 not allowed; ADMIN is a word; 99999 no.';
            CREATE FUNCTION om_probe.backend() RETURNS SETOF int
                LANGUAGE sql VOLATILE AS 'SELECT 1';
            REVOKE ALL ON FUNCTION om_probe.backend() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION om_probe.backend() TO service_role;
            CREATE FUNCTION om_probe.hidden() RETURNS int LANGUAGE sql AS 'SELECT 1';
            REVOKE ALL ON FUNCTION om_probe.hidden() FROM PUBLIC;
            CREATE FUNCTION om_probe.trig() RETURNS trigger LANGUAGE plpgsql
                AS 'BEGIN RETURN NEW; END';
        """)
        found = {f.name: f for f in fn.read_functions(conn, "om_probe")}
    assert set(found) == {"open", "backend"}
    opened, backend = found["open"], found["backend"]
    assert opened.executors == ["anon", "authenticated", "service_role"]  # PUBLIC's default
    assert opened.client and opened.http == "GET or POST"
    assert [(a.name, a.type, a.optional) for a in opened.args] == [
        ("p_x", "integer", False), ("p_y", "text", True)]
    assert opened.codes() == ["OM999", "42501"]
    assert backend.executors == ["service_role"] and not backend.client
    assert backend.http == "POST" and backend.returns_set


@pytest.mark.parametrize("section", ["Client functions", "Backend only (service_role)"])
def test_every_error_a_function_names_is_explained_for_it_in_errors_md(
    schema_db: str, section: str
) -> None:
    index = fn.ErrorIndex.parse(ERRORS)
    with psycopg.connect(schema_db) as conn:
        functions = fn.read_functions(conn)
    listed = _listed(_sections((SCHEMA_DOCS / "functions.md").read_text())[section])
    missing = [f"{f.name}: {code}" for f in functions if f.name in listed
               for code in f.codes()
               if not any(re.search(rf"(?<![\w.]){f.name}(?!\w)", raised)
                          for _, raised in index.rows.get(code, []))]
    assert missing == [], "add rows to docs/errors.md naming the function"


def test_group_erds_label_edges_with_columns_and_readme_shows_how_groups_connect(
    schema_db: str,
) -> None:
    with psycopg.connect(schema_db) as conn:
        fks = conn.execute("""
            SELECT c.relname, k.conname, f.relname,
                   (SELECT string_agg(a.attname, ', ' ORDER BY array_position(k.conkey,
                           a.attnum)) FROM pg_attribute a
                     WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey))
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_class f ON f.oid = k.confrelid
            WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace
              AND f.relnamespace = 'public'::regnamespace AND NOT c.relispartition
        """).fetchall()
    assert len(fks) > 50
    pages = "\n".join(p.read_text() for p in SCHEMA_DOCS.glob("[a-z]-*.md"))
    pages += (SCHEMA_DOCS / "reference-data.md").read_text()
    for child, conname, parent, cols in fks:
        assert re.search(rf'^    {parent} \S+ {child} : "{re.escape(cols)}"$', pages, re.M), \
            (child, cols)
        assert f'"{conname}"' not in pages
    readme = (SCHEMA_DOCS / "README.md").read_text()
    overview = readme.split("## How the groups connect", 1)[1]
    assert "erDiagram" not in readme and "flowchart LR" in overview
    groups = {g.slug: g for g in schemadoc.GROUPS}
    crossing = [(c, cols, p) for c, _, p, cols in fks
                if schemadoc.group_of(c).slug != schemadoc.group_of(p).slug]
    assert crossing
    for child, cols, parent in crossing:
        there = schemadoc.group_of(parent)
        assert f"| `{child}` ({cols}) | [{parent}]({there.slug}.md#{parent}) |" in overview
        assert there.slug in groups


def test_the_reference_does_not_depend_on_the_deploying_role(schema_db: str) -> None:
    """Column grants name no grantor: a schema owned by another role documents the same."""
    owner = f"om_owner_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(schema_db) as conn, conn.transaction(force_rollback=True):
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(owner)))
        conn.execute(sql.SQL("ALTER TABLE public.vendors OWNER TO {}").format(
            sql.Identifier(owner)))
        acl = conn.execute("SELECT attacl::text FROM pg_attribute WHERE attrelid = "
                           "'public.vendors'::regclass AND attname = 'name'").fetchone()
        assert acl is not None and f"/{owner}" in acl[0]  # the grantor did change
        pages = schemadoc.render(conn, ERRORS)
    committed = (SCHEMA_DOCS / "b-vendor-ecosystem.md").read_text(encoding="utf-8")
    assert pages["b-vendor-ecosystem.md"] == committed
