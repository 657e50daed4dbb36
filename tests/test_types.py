"""The committed TypeScript types (types/database.ts) are what @supabase/postgres-meta
generates from the deployed schema now, and a supabase-js client type-checks against them.

Regenerate with `make types` after changing the schema; the first test is CI's guard against
stale types. The generator and the compiler are pinned in types/package.json and its lock
(`make deps` runs `npm ci` there): a missing install fails these tests, it never skips them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import psycopg

from onemedi_db.reference import types as typegen

ROOT = Path(__file__).resolve().parent.parent
TYPES = ROOT / "types"


def test_committed_types_are_current(schema_db: str) -> None:
    with psycopg.connect(schema_db) as conn:
        text = typegen.generate(conn, TYPES)
    # What every generated file has: the Json type, public's tables and the checkout RPC.
    assert text.startswith("export type Json =")
    assert re.search(r"^      place_order:( \{)?$", text, re.M)
    typegen.check(text, TYPES / "database.ts")  # raises DriftFound: run `make types`


def test_the_generator_gets_a_url_node_postgres_can_parse() -> None:
    """postgres-meta parses its URL with `new URL()`: a socket folder cannot be the host."""
    assert typegen.url_for("root", None, "/var/run/postgresql", 5432, "om db") == (
        "postgresql://root@localhost:5432/om%20db?host=%2Fvar%2Frun%2Fpostgresql")
    assert typegen.url_for("postgres", "p@ss:w/rd", "db.example.in", 6543, "postgres",
                           "require") == (
        "postgresql://postgres:p%40ss%3Aw%2Frd@db.example.in:6543/postgres?sslmode=require")


def test_a_typed_checkout_compiles_against_the_types() -> None:
    """types/examples/checkout.ts calls place_order and reads carts with typed arguments;
    its @ts-expect-error lines (a number for a uuid, a missing argument, an unknown RPC, a
    value outside an enum) must stay errors, so types that accepted anything would fail."""
    node = shutil.which("node")
    assert node, "Node.js is needed (make deps)"
    tsc = TYPES / "node_modules" / "typescript" / "bin" / "tsc"
    assert tsc.is_file(), "run `make deps` (npm ci in types/)"
    done = subprocess.run([node, str(tsc), "-p", str(TYPES / "tsconfig.json"), "--listFiles"],
                          cwd=TYPES, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    files = done.stdout.splitlines()
    assert str(TYPES / "examples" / "checkout.ts") in files
    assert any(f.endswith("@supabase/supabase-js/dist/index.d.mts")
               or "/@supabase/supabase-js/" in f for f in files)


# 1.0.0's order_line_tax returns OUT parameters (a record postgres-meta cannot type); it is
# released, no longer used by checkout, and reworking its result would break its callers.
RECORD_RESULT_RELEASED = {"order_line_tax"}


def function_blocks(text: str) -> dict[str, str]:
    """Each entry of public's `Functions` in database.ts, by name, as its text."""
    start = text.index("    Functions: {\n", text.index("  public: {"))
    end = text.index("\n    Enums: {", start)
    blocks: dict[str, str] = {}
    name = None
    for line in text[start:end].splitlines()[1:]:
        found = re.match(r"^      ([a-z_0-9]+):(.*)$", line)
        if found:
            name = found.group(1)
            blocks[name] = found.group(2) + "\n"
        elif name:
            blocks[name] += line + "\n"
    return blocks


def test_client_rpcs_have_typed_arguments_and_results(schema_db: str) -> None:
    """A domain (public.inr) in an RPC's signature reaches TypeScript as `unknown`, and a
    record of OUT parameters as Record<string, unknown>: supabase-js would accept any value
    and hand back untyped rows. Every function anon or authenticated may call must be typed."""
    with psycopg.connect(schema_db) as conn:
        rpcs = {r[0] for r in conn.execute(
            "SELECT p.proname FROM pg_catalog.pg_proc AS p WHERE p.pronamespace = "
            "'public'::regnamespace AND (has_function_privilege('anon', p.oid, 'EXECUTE') "
            "OR has_function_privilege('authenticated', p.oid, 'EXECUTE'))")}
    blocks = function_blocks((TYPES / "database.ts").read_text())
    assert {"place_order", "quote_cart", "book_slot"} <= rpcs
    assert rpcs <= set(blocks), sorted(rpcs - set(blocks))
    untyped = sorted(name for name in rpcs - RECORD_RESULT_RELEASED
                     if re.search(r": unknown\b|Record<string, unknown>", blocks[name]))
    assert untyped == [], f"RPCs typed `unknown` in types/database.ts: {untyped}"
    assert re.search(r"p_expected_total: number", blocks["place_order"])
