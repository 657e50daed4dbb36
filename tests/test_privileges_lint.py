"""Rule api-privileges: what a change after the last tag creates in public or private is
revoked from PUBLIC and the API roles before it is granted.

The expectation is Supabase's documented default privileges (ALL on new tables and
sequences, EXECUTE on new functions, for anon, authenticated and service_role in public) and
PostgreSQL's (EXECUTE to PUBLIC on every new function): the cases below are what a change
must revoke to end with only its own grants. The second test proves the rule on a database:
an object the rule accepts has no privilege for the API roles under those defaults.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest

from onemedi_db.authoring.privileges_lint import check

ALL_FOUR = "FROM public, anon, authenticated, service_role;\n"

CASES = {
    "table revoked from all four": (
        "CREATE TABLE public.t (id int);\nREVOKE ALL ON public.t " + ALL_FOUR, []),
    "table revoked in two statements": (
        "CREATE TABLE t (id int);\nREVOKE ALL ON TABLE public.t FROM public, anon;\n"
        "REVOKE ALL ON t FROM authenticated, service_role;\n", []),
    "table granted without revoking": (
        "CREATE TABLE public.t (id int);\nGRANT SELECT ON public.t TO authenticated;\n",
        ["public.t"]),
    "table revoked from anon only": (
        "CREATE TABLE public.t (id int);\nREVOKE ALL ON public.t FROM anon;\n", ["public.t"]),
    "revoking one privilege is not enough": (
        "CREATE TABLE public.t (id int);\nREVOKE SELECT ON public.t " + ALL_FOUR, ["public.t"]),
    "function revoked": (
        "CREATE FUNCTION private.f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';\n"
        "REVOKE ALL ON FUNCTION private.f(int) " + ALL_FOUR, []),
    "function left to PUBLIC": (
        "CREATE FUNCTION private.f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
        "REVOKE EXECUTE ON FUNCTION private.f() FROM public;\n", ["private.f"]),
    "replacing keeps the old grants": (
        "CREATE OR REPLACE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n", []),
    "view and sequence": (
        "CREATE VIEW public.v AS SELECT 1 AS x;\nCREATE SEQUENCE public.s;\n"
        "REVOKE ALL ON public.v, public.s " + ALL_FOUR, []),
    "sequence forgotten": ("CREATE SEQUENCE public.s;\n", ["public.s"]),
    "temporary table": ("CREATE TEMPORARY TABLE x (id int) ON COMMIT DROP;\n", []),
    "another schema": ("CREATE TABLE extensions.t (id int);\n", []),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_rule(case: str) -> None:
    text, flagged = CASES[case]
    assert [m.split(" ", 1)[0] for _, m in check(text)] == flagged


def test_what_the_rule_accepts_has_no_api_privilege_under_supabase_defaults(
    make_db: Callable[[str], str],
) -> None:
    url = make_db("privlint")
    script = ("CREATE TABLE public.t (id int);\nCREATE SEQUENCE public.s;\n"
              "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
              "REVOKE ALL ON public.t, public.s " + ALL_FOUR
              + "REVOKE ALL ON FUNCTION public.f() " + ALL_FOUR
              + "GRANT SELECT ON public.t TO authenticated;\n")
    assert check(script) == []
    with psycopg.connect(url, autocommit=True) as conn:
        for role in ("anon", "authenticated", "service_role"):
            conn.execute(f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; "
                         "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        # Supabase's defaults for objects the deploying role creates in public.
        for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
            conn.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON {kind} "
                         "TO anon, authenticated, service_role")
        with conn.transaction(force_rollback=True):
            conn.execute(script)
            granted = conn.execute(
                "SELECT r.rolname, p.privilege FROM pg_roles AS r, (VALUES ('SELECT'), "
                "('INSERT'), ('UPDATE'), ('DELETE')) AS p (privilege) "
                "WHERE r.rolname IN ('anon', 'authenticated', 'service_role') "
                "AND has_table_privilege(r.oid, 'public.t', p.privilege) ORDER BY 1, 2"
            ).fetchall()
            executes = conn.execute(
                "SELECT r.rolname FROM pg_roles AS r WHERE r.rolname IN ('anon', "
                "'authenticated', 'service_role') AND has_function_privilege(r.oid, "
                "'public.f()', 'EXECUTE')").fetchall()
            uses = conn.execute(
                "SELECT r.rolname FROM pg_roles AS r WHERE r.rolname IN ('anon', "
                "'authenticated', 'service_role') AND has_sequence_privilege(r.oid, "
                "'public.s', 'USAGE')").fetchall()
        for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
            conn.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON {kind} "
                         "FROM anon, authenticated, service_role")
    assert granted == [("authenticated", "SELECT")]
    assert executes == [] and uses == []
